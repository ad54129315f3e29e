/**
 * The data inventory (privacy/dataInventory.ts) covers every document Numina stores: a new path,
 * collection or rules block without an entry fails here, before export or deletion can miss it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collections, paths } from "../../src/model/index.js";
import { COLLECTION_PATHS, DATA_INVENTORY, type DocumentPathName } from "../../src/privacy/dataInventory.js";
import { RETENTION_POLICIES } from "../../src/privacy/retention.js";

const rules = readFileSync(new URL("../../../firestore.rules", import.meta.url), "utf8");
const privacyDoc = readFileSync(new URL("../../../docs/privacy.md", import.meta.url), "utf8");
const documentPathNames = Object.keys(paths).filter(
  (name) => !(COLLECTION_PATHS as readonly string[]).includes(name),
) as DocumentPathName[];

/** A path builder's output with placeholder ids: "users/id0/private/settings" and so on. */
function samplePath(name: keyof typeof paths): string {
  const build: (...ids: string[]) => string = paths[name];
  return build(...Array.from({ length: build.length }, (_, k) => `id${k}`));
}
const inventoriedPaths = documentPathNames.map(samplePath);
const firstSegments = new Set(inventoriedPaths.map((p) => p.split("/")[0]));
/** "conversations/id0/messages/id1" → the collections along it: conversations, messages. */
const collectionsAlong = (path: string) => path.split("/").filter((_, k) => k % 2 === 0);
const everyCollection = new Set(inventoriedPaths.flatMap(collectionsAlong));

describe("the data inventory", () => {
  it("has one entry per document path in model/paths.ts, and none for paths that are gone", () => {
    expect(Object.keys(DATA_INVENTORY).sort()).toEqual([...documentPathNames].sort());
  });

  it("lists only collection builders that exist, each with its documents inventoried", () => {
    for (const name of COLLECTION_PATHS) {
      expect(Object.keys(paths)).toContain(name);
      expect(everyCollection).toContain(samplePath(name).split("/").at(-1));
    }
  });

  it("reaches every collection the model names", () => {
    for (const name of Object.values(collections)) expect(everyCollection, name).toContain(name);
  });

  it("reaches every top-level collection the security rules open", () => {
    const opened = [...rules.matchAll(/^ {4}match \/([A-Za-z]+)\/\{/gm)].map((m) => m[1]!);
    expect(opened.length).toBeGreaterThan(5);
    for (const name of opened) expect(firstSegments, name).toContain(name);
  });

  it("says how each document is tied to a member, and why whatever deletion keeps or scrubs stays", () => {
    for (const [name, entry] of Object.entries(DATA_INVENTORY)) {
      expect(entry.holds, name).not.toBe("");
      if (entry.onDeletion === "none") {
        expect(entry.uidInPath || entry.uidFields.length > 0, `${name} holds no uid`).toBe(false);
        expect(entry.exported, name).toBe(false);
      } else {
        expect(entry.uidInPath || entry.uidFields.length > 0, `${name} is tied to a member`).toBe(true);
      }
      if (entry.onDeletion === "keep" || entry.onDeletion === "scrub") expect(entry.why, name).toBeTruthy();
    }
  });

  it("is listed whole in docs/privacy.md", () => {
    for (const name of Object.keys(DATA_INVENTORY)) expect(privacyDoc, name).toContain(`| \`${name}\` |`);
  });

  it("has docs/privacy.md state every retention policy and its period", () => {
    // As the table words it: 30 days, 365 days, 6 years.
    const period = (days: number) => (days > 365 && days % 365 === 0 ? `${days / 365} years` : `${days} days`);
    for (const policy of Object.values(RETENTION_POLICIES)) {
      const row = privacyDoc.split("\n").find((line) => line.startsWith(`| ${policy.what}`));
      expect(row, policy.what).toBeDefined();
      expect(row, policy.what).toContain(period(policy.days));
    }
  });
});
