import { describe, expect, it } from "vitest";
import type { Conversation } from "@numina/model";
import { conversationName, previewLine } from "./names";

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
