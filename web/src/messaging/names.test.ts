import { describe, expect, it } from "vitest";
import type { Conversation } from "@numina/model";
import { conversationName, previewLine, shortTime } from "./names";

const at = { toMillis: () => 0 };
const direct: Conversation = {
  type: "direct",
  memberIds: ["me", "sam"],
  title: null,
  status: "open",
  matchId: "me_sam",
  classId: null,
  lastMessage: { text: "See you at 7", senderId: "sam", sentAt: at },
  unreadCounts: { me: 1, sam: 0 },
  createdAt: at,
  updatedAt: at,
};
const names = { sam: "Sam Lee", jo: "Jo" };

describe("how a conversation reads in the inbox", () => {
  it("names a direct conversation after the other member, and a group by its title", () => {
    expect(conversationName(direct, "me", names)).toBe("Sam Lee");
    expect(conversationName({ ...direct, type: "group", title: "Canal 5k" }, "me", names)).toBe("Canal 5k");
  });

  it("prefixes my own messages with You, and a group's with the sender", () => {
    expect(previewLine(direct, "me", names)).toBe("See you at 7");
    expect(previewLine({ ...direct, lastMessage: { ...direct.lastMessage!, senderId: "me" } }, "me", names)).toBe(
      "You: See you at 7",
    );
    const group = { ...direct, type: "group" as const, lastMessage: { ...direct.lastMessage!, senderId: "jo" } };
    expect(previewLine(group, "me", names)).toBe("Jo: See you at 7");
    expect(previewLine({ ...direct, lastMessage: null }, "me", names)).toBe("No messages yet. Say hello!");
  });
});

describe("shortTime: when a message was sent, as briefly as is clear", () => {
  // Local wall-clock dates, so the day boundaries hold in any time zone the tests run in.
  const now = new Date(2025, 2, 12, 18, 0).getTime();

  it("shows only the time for today", () => {
    const ms = new Date(2025, 2, 12, 9, 5).getTime();
    expect(shortTime(ms, now)).toBe(new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
  });

  it("adds the weekday within the last six days", () => {
    const ms = new Date(2025, 2, 8, 9, 5).getTime();
    expect(shortTime(ms, now)).toBe(
      new Date(ms).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" }),
    );
  });

  it("shows the date for anything older", () => {
    const ms = new Date(2025, 1, 3, 9, 5).getTime();
    expect(shortTime(ms, now)).toBe(new Date(ms).toLocaleDateString([], { day: "numeric", month: "short" }));
  });
});
