/**
 * The emulator runs any query without an index; production refuses a query that needs a
 * composite index it does not have. Every composite query the app runs is listed here, where it
 * is run, and must be declared in firestore.indexes.json.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface IndexField {
  fieldPath: string;
  order?: "ASCENDING" | "DESCENDING";
  arrayConfig?: "CONTAINS";
}
interface Index {
  collectionGroup: string;
  queryScope: "COLLECTION" | "COLLECTION_GROUP";
  fields: IndexField[];
}

const declared = (
  JSON.parse(readFileSync(new URL("../../firestore.indexes.json", import.meta.url), "utf8")) as { indexes: Index[] }
).indexes;

const COMPOSITE_QUERIES: { where: string; index: Index }[] = [
  {
    where: "functions/src/classes/rsvpStore.ts: the line (status in active, order by joinedAt, uid) and ranks in it",
    index: {
      collectionGroup: "attendees",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "joinedAt", order: "ASCENDING" },
        { fieldPath: "__name__", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "web my schedule: collection group attendees by uid and active status, by class time",
    index: {
      collectionGroup: "attendees",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "uid", order: "ASCENDING" },
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "classStartsAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "web/src/classes/classesStore.ts: an instructor's classes, by start time",
    index: {
      collectionGroup: "classes",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "instructorId", order: "ASCENDING" },
        { fieldPath: "startsAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/classes/scheduled.ts: scheduled classes starting within the reminder horizon",
    index: {
      collectionGroup: "classes",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "startsAt", order: "ASCENDING" },
      ],
    },
  },
  // ---- Messaging
  {
    where:
      "web/src/messaging/messagingStore.ts: the member's conversations (memberIds contains uid), most recent first",
    index: {
      collectionGroup: "conversations",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "memberIds", arrayConfig: "CONTAINS" },
        { fieldPath: "updatedAt", order: "DESCENDING" },
      ],
    },
  },
];

describe("firestore.indexes.json", () => {
  it.each(COMPOSITE_QUERIES)("declares the index for $where", ({ index }) => {
    expect(declared).toContainEqual(index);
  });

  it("declares no index that no query uses", () => {
    expect(declared).toHaveLength(COMPOSITE_QUERIES.length);
  });
});
