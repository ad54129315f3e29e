import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedFunctionsLockfile } from "../functions-lockfile.js";
import { workspaceLockfile, type Lockfile } from "./functionsLockfile.js";

const entry = (version: string, dependencies?: Record<string, string>) => ({
  version,
  integrity: `sha512-${version}`,
  ...(dependencies ? { dependencies } : {}),
});

describe("functions/package-lock.json", () => {
  it("is the workspace install's resolution of the functions' dependencies, as committed", () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "functions", "package-lock.json"), "utf8");
    expect(committed, "run `npm run lock-functions` and commit functions/package-lock.json").toBe(
      expectedFunctionsLockfile(),
    );
  });
});

describe("workspaceLockfile", () => {
  const root: Lockfile = {
    lockfileVersion: 3,
    packages: {
      "": { name: "repo" },
      functions: { name: "fn" },
      "node_modules/fn": { resolved: "functions", link: true },
      "node_modules/a": entry("1.0.0", { b: "^1" }),
      "node_modules/b": entry("1.2.0"),
      "node_modules/a/node_modules/c": entry("2.0.0"),
      "node_modules/only-dev-tool": { ...entry("9.9.9"), dev: true },
      "functions/node_modules/d": entry("3.0.0", { b: "^1" }),
      "node_modules/d": entry("2.0.0"),
    },
  };

  it("keeps the layout the workspace install resolved, with the workspace's own copies on top", () => {
    const lock = workspaceLockfile(root, "functions", { name: "fn", dependencies: { a: "^1", d: "^3" } });
    expect(Object.keys(lock.packages)).toEqual(["", "node_modules/a", "node_modules/b", "node_modules/d"]);
    expect(lock.packages["node_modules/d"]?.version).toBe("3.0.0");
  });

  it("follows nested copies and drops what only the repository's tools use", () => {
    const withNested: Lockfile = {
      ...root,
      packages: { ...root.packages, "node_modules/a": entry("1.0.0", { b: "^1", c: "^2" }) },
    };
    const lock = workspaceLockfile(withNested, "functions", { name: "fn", dependencies: { a: "^1" } });
    expect(Object.keys(lock.packages)).toEqual([
      "",
      "node_modules/a",
      "node_modules/a/node_modules/c",
      "node_modules/b",
    ]);
  });

  it("refuses a dependency the install did not resolve", () => {
    expect(() => workspaceLockfile(root, "functions", { name: "fn", dependencies: { missing: "^1" } })).toThrow(
      /missing .* not in the lockfile/,
    );
  });
});
