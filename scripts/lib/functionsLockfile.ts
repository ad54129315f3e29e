/**
 * The functions' own package-lock.json, cut from the repository's lockfile. `firebase deploy`
 * uploads functions/ alone and Cloud Build installs it from its own package.json; without a lockfile
 * beside it, production would resolve every `^` range afresh and could run versions no test ran.
 * This takes exactly the packages the workspace install resolved for functions/ (its dependencies
 * and theirs, in the same node_modules layout), so `npm ci` there installs what the tests ran.
 * Pure: the caller reads and writes the files.
 */

export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  peer?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

export interface PackageJson {
  name: string;
  version?: string;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

/** Where Node would find `name` when required from the package installed at `from`. */
function resolveFrom(packages: Record<string, LockEntry>, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut >= 0 ? base.slice(0, cut) : "";
  }
}

function requiredNames(entry: LockEntry): string[] {
  const optionalPeers = new Set(
    Object.entries(entry.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta.optional)
      .map(([name]) => name),
  );
  return [
    ...Object.keys(entry.dependencies ?? {}),
    ...Object.keys(entry.optionalDependencies ?? {}),
    ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name)),
  ];
}

/**
 * `workspace` is the workspace folder as the root lockfile names it ("functions"). Throws when the
 * workspace layout cannot be reproduced on its own (a package of the workspace's tree that
 * resolves to a different copy than the workspace itself does).
 */
export function workspaceLockfile(root: Lockfile, workspace: string, pkg: PackageJson): Lockfile {
  const packages = root.packages;
  const reached = new Map<string, string>(); // root-lock key → standalone key
  const queue: { from: string; name: string; optional: boolean }[] = Object.keys(pkg.dependencies ?? {}).map(
    (name) => ({ from: workspace, name, optional: false }),
  );
  while (queue.length > 0) {
    const { from, name, optional } = queue.shift()!;
    const key = resolveFrom(packages, from, name);
    if (!key) {
      if (optional) continue; // an optional dependency the install skipped on this platform
      throw new Error(`${name} (needed from ${from || "the root"}) is not in the lockfile: run npm install`);
    }
    if (reached.has(key)) continue;
    const entry = packages[key]!;
    if (entry.link) throw new Error(`${key} is a workspace link; functions/ cannot depend on another workspace`);
    const standalone = key.startsWith(`${workspace}/`) ? key.slice(workspace.length + 1) : key;
    reached.set(key, standalone);
    const optionalNames = new Set(Object.keys(entry.optionalDependencies ?? {}));
    for (const dep of requiredNames(entry)) queue.push({ from: key, name: dep, optional: optionalNames.has(dep) });
  }

  const out: Record<string, LockEntry> = {
    "": { name: pkg.name, version: pkg.version, dependencies: pkg.dependencies, engines: pkg.engines },
  };
  for (const [key, standalone] of [...reached].sort(([, a], [, b]) => a.localeCompare(b))) {
    if (out[standalone]) {
      throw new Error(`${standalone} would hold two versions (from ${key}): the workspace layout cannot be cut out`);
    }
    // In the workspace install some of these were only a dev tool's; in functions/ all are runtime.
    const { dev: _dev, devOptional, ...entry } = packages[key]!;
    out[standalone] = devOptional ? { ...entry, optional: true } : entry;
  }
  if (!out[""]!.version) delete out[""]!.version;
  return { name: pkg.name, lockfileVersion: root.lockfileVersion, requires: true, packages: out };
}
