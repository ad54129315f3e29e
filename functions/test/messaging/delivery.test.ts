import { describe, expect, it } from "vitest";
import {
  inClassChat,
  messageNotice,
  planBatch,
  planDelivery,
  previewOf,
  type IncomingMessage,
} from "../../src/messaging/delivery.js";

const message: IncomingMessage = {
  conversationId: "c1",
  messageId: "m1",
  senderId: "ana",
  text: "Run at 7?",
  createdAtMs: 1_000,
};
const group = {
  type: "group" as const,
  title: "Canal 5k",
  memberIds: ["ana", "ben", "cy", "dee"],
  lastMessageAtMs: 500,
};

describe("planDelivery", () => {
  it("counts everyone but the sender who has not read past the message, and notifies the unmuted among them", () => {
    const plan = planDelivery(
      message,
      group,
      new Map([
        ["ben", { muted: true, lastReadAtMs: null }],
        ["cy", { muted: false, lastReadAtMs: 1_500 }], // had the chat open
        ["dee", { muted: false, lastReadAtMs: 900 }],
      ]),
    );
    expect(plan).toEqual({ unread: ["ben", "dee"], notify: ["dee"], becomesPreview: true });
  });

  it("never lets an older message replace a newer preview", () => {
    expect(planDelivery(message, { ...group, lastMessageAtMs: 2_000 }, new Map()).becomesPreview).toBe(false);
    expect(planDelivery(message, { ...group, lastMessageAtMs: null }, new Map()).becomesPreview).toBe(true);
  });

  it("counts a member with no state document as unread and not muted", () => {
    expect(planDelivery(message, group, new Map()).notify).toEqual(["ben", "cy", "dee"]);
  });
});

describe("message notices", () => {
  it("share one id per conversation, so a burst collapses into one line", () => {
    const first = messageNotice(message, group, "Ana");
    const second = messageNotice({ ...message, messageId: "m2", text: "Or 8?" }, group, "Ana");
    expect(first.id).toBe(second.id);
    expect(second).toMatchObject({ type: "message", title: "New messages in Canal 5k", body: "Ana: Or 8?" });
    expect(second.data).toEqual({ conversationId: "c1" });
  });

  it("name the sender in a direct conversation", () => {
    expect(messageNotice(message, { type: "direct", title: null }, "Ana")).toMatchObject({
      title: "New message from Ana",
      body: "Run at 7?",
    });
  });
});

describe("previewOf", () => {
  it("folds whitespace and cuts long text at a word", () => {
    expect(previewOf("  hello \n\n world ")).toBe("hello world");
    const long = previewOf("word ".repeat(100), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith("word…")).toBe(true);
  });
});

describe("class chat membership and report ids", () => {
  it("is for the seated and those who came, not the waitlist or the cancelled", () => {
    expect(["confirmed", "attended"].every((s) => inClassChat(s as "confirmed"))).toBe(true);
    expect([null, "waitlisted", "cancelled", "no_show"].some((s) => inClassChat(s as null))).toBe(false);
  });
});

describe("planBatch", () => {
  const at = (messageId: string, senderId: string, createdAtMs: number): IncomingMessage => ({
    ...message,
    messageId,
    senderId,
    text: `from ${senderId}`,
    createdAtMs,
  });
  const members = new Map([["dee", { muted: true, lastReadAtMs: null }]]);

  it("adds up what each message would do alone, and shows every member the newest message they are told of", () => {
    const plan = planBatch([at("m1", "ana", 1_000), at("m2", "ben", 2_000), at("m3", "ana", 3_000)], group, members);

    expect(Object.fromEntries(plan.unread)).toEqual({ ben: 2, cy: 3, dee: 3, ana: 1 });
    // dee muted the chat: counted, never told. ana's newest news is ben's message, not her own.
    expect([...plan.notices.entries()].map(([id, g]) => [id, Object.fromEntries(g.counts)])).toEqual([
      ["m3", { ben: 2, cy: 3 }],
      ["m2", { ana: 1 }],
    ]);
    expect(plan.preview?.messageId).toBe("m3");
  });

  it("leaves a newer preview alone", () => {
    const plan = planBatch([at("m1", "ana", 1_000)], { ...group, lastMessageAtMs: 5_000 }, members);
    expect(plan.preview).toBeNull();
  });
});
