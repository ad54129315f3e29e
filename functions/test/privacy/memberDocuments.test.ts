/**
 * The sources that export and deletion read (privacy/memberDocuments.ts) against the data
 * inventory: an entry tied to a member that no source finds, or a uid field no query looks at,
 * would be a document a deletion leaves behind.
 */
import { describe, expect, it } from "vitest";
import { RATE_LIMIT_NAMES } from "../../src/model/index.js";
import { DATA_INVENTORY, type DocumentPathName } from "../../src/privacy/dataInventory.js";
import { DELETION_SOURCES, stepOf } from "../../src/privacy/deletionStore.js";
import { MEMBER_DOCUMENT_SOURCES, UID_RATE_LIMITS } from "../../src/privacy/memberDocuments.js";

const entries = Object.entries(DATA_INVENTORY) as [DocumentPathName, (typeof DATA_INVENTORY)[DocumentPathName]][];

describe("the member document sources", () => {
  it("find every inventory entry tied to a member, and none that holds nobody", () => {
    const found = new Set(MEMBER_DOCUMENT_SOURCES.map((source) => source.entry));
    for (const [name, entry] of entries) expect(found.has(name), name).toBe(entry.onDeletion !== "none");
  });

  it("query every uid field the inventory names (nested ones through their parent's query)", () => {
    const queried = new Map<string, Set<string>>();
    for (const { entry, find } of MEMBER_DOCUMENT_SOURCES) {
      if (find.kind !== "query" && find.kind !== "group") continue;
      queried.set(entry, (queried.get(entry) ?? new Set()).add(find.field));
    }
    // Found with the document they sit in: the mail's own uid, the instructor's id on their class's reviews
    // (queried), a rating summary's subject (its id is the uid).
    const foundOtherwise: Record<string, string[]> = {
      mail: ["unsubscribe.uid"],
      ratingSummary: ["subjectId"],
      accountDeletion: ["requestedBy"],
    };
    for (const [name, entry] of entries) {
      for (const field of entry.uidFields) {
        if (foundOtherwise[name]?.includes(field)) continue;
        const ownPath =
          entry.uidInPath &&
          MEMBER_DOCUMENT_SOURCES.some((s) => s.entry === name && s.find.kind !== "query" && s.find.kind !== "group");
        expect(queried.get(name)?.has(field) || ownPath, `${name}.${field}`).toBe(true);
      }
    }
  });

  it("take in every rate limit counted per member, not those counted per address or IP", () => {
    expect(UID_RATE_LIMITS).toContain("dataExport");
    expect(RATE_LIMIT_NAMES.filter((name) => !(UID_RATE_LIMITS as readonly string[]).includes(name)).sort()).toEqual([
      "passwordResetPerAddress",
      "passwordResetPerCaller",
    ]);
  });

  it("are all run by deletion, the profile first, each under its own step name", () => {
    expect(DELETION_SOURCES).toHaveLength(MEMBER_DOCUMENT_SOURCES.length);
    expect(DELETION_SOURCES[0]?.entry).toBe("user");
    const steps = DELETION_SOURCES.map(stepOf);
    expect(new Set(steps).size).toBe(steps.length);
  });
});
