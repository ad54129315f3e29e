/**
 * Which of a member's devices to drop when they have registered more than the cap: the ones
 * registered or refreshed longest ago, so the phone in their hand keeps its pushes. Pure.
 */

export interface DeviceAge {
  id: string;
  /** When the device last registered its token; null for a document that cannot be read (dropped first). */
  updatedAtMs: number | null;
}

/** The ids beyond the `max` most recent, oldest last. Ties go by id, so every run picks the same ones. */
export function devicesBeyondCap(devices: readonly DeviceAge[], max: number): string[] {
  if (devices.length <= max) return [];
  const newestFirst = [...devices].sort(
    (a, b) =>
      (b.updatedAtMs ?? Number.NEGATIVE_INFINITY) - (a.updatedAtMs ?? Number.NEGATIVE_INFINITY) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return newestFirst.slice(Math.max(0, max)).map((d) => d.id);
}
