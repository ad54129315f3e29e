/**
 * Memoises a bulk loader per key: the keys not asked for before are loaded together, the others
 * wait for (or reuse) their earlier load. A failed load is forgotten, so the retry reads again.
 */
export function onceEach<V>(
  load: (keys: readonly string[]) => Promise<Map<string, V>>,
): (keys: readonly string[]) => Promise<Map<string, V>> {
  const known = new Map<string, Promise<V | undefined>>();
  return async (keys) => {
    const missing = [...new Set(keys.filter((key) => !known.has(key)))];
    if (missing.length > 0) {
      const loaded = load(missing);
      loaded.catch(() => {
        for (const key of missing) known.delete(key);
      });
      for (const key of missing)
        known.set(
          key,
          loaded.then((values) => values.get(key)),
        );
    }
    const values = await Promise.all(keys.map((key) => known.get(key) ?? Promise.resolve(undefined)));
    return new Map(keys.flatMap((key, i) => (values[i] === undefined ? [] : [[key, values[i] as V] as const])));
  };
}
