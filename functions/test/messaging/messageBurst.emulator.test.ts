import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { paths } from "../../src/model/index.js";
import { isolatedFirestore } from "../support/emulators.js";
import { burst, seedGroup } from "../support/messageBurst.js";

const { db, close } = isolatedFirestore();
afterAll(close);

describe("a burst of messages into one conversation (recordMessage, in process)", () => {
  it("counts every message exactly once for every member, even when events are delivered twice", async () => {
    const members = ["ana", "ben", "cy"];
    const conversationId = await seedGroup(db, members, { phones: true });
    // A device filed under another account's path, claiming to be ana's: never pushed.
    await db.doc(paths.device("intruder", "planted")).set({
      uid: "ana",
      token: "planted",
      platform: "web",
      updatedAt: Timestamp.now(),
    });
    const result = await burst(db, conversationId, members, 200);

    expect(result.messages).toBe(200);
    expect(result.receipts).toBe(200);
    expect(result.outcomes.filter((o) => o.status === "applied")).toHaveLength(200);
    expect(result.outcomes.filter((o) => o.status === "duplicate")).toHaveLength(20);
    expect(result.counts).toEqual(result.expected);
    // One collapsing notice per member, counting every message they received.
    expect(result.notices).toEqual(result.expected);
    expect([...result.pushed].sort()).toEqual(members);
  }, 120_000);

  it("counts and notices a class chat of 500 members exactly, each member once per message they did not send", async () => {
    const members = Array.from({ length: 500 }, (_, i) => `member-${String(i).padStart(3, "0")}`);
    const conversationId = await seedGroup(db, members, { phones: true });
    const result = await burst(db, conversationId, members, 200);

    expect(result.receipts).toBe(200);
    expect(result.outcomes.filter((o) => o.status === "applied")).toHaveLength(200);
    expect(result.outcomes.filter((o) => o.status === "duplicate")).toHaveLength(20);
    expect(result.counts).toEqual(result.expected);
    expect(result.notices).toEqual(result.expected);
    // The 200 senders were told of the 199 messages of others; the 300 who only read, of all 200.
    expect(Object.values(result.notices).filter((n) => n === 199)).toHaveLength(200);
    // Every member's phone was pushed, its devices found by the group's few queries.
    expect(result.pushed.size).toBe(500);
  }, 180_000);
});
