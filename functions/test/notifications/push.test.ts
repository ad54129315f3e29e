import { describe, expect, it } from "vitest";
import type { NoticeDraft } from "../../src/model/index.js";
import { buildPushMessages, deadTokens, DEAD_TOKEN_CODES, type PushResult } from "../../src/notifications/push.js";

const cancelled: NoticeDraft = {
  id: "class_cancelled-yoga-1",
  type: "class_cancelled",
  title: "Cancelled: Yoga",
  body: "Yoga on Tue 4 Mar, 18:30 has been cancelled.",
  data: { classId: "yoga-1" },
  aboutUids: [],
};

describe("buildPushMessages", () => {
  it("builds one multicast for many members' tokens, with the link and a collapse key", () => {
    expect(buildPushMessages(cancelled, ["t1", "t2"], "http://app/classes/yoga-1")).toEqual([
      {
        tokens: ["t1", "t2"],
        notification: { title: "Cancelled: Yoga", body: "Yoga on Tue 4 Mar, 18:30 has been cancelled." },
        data: { classId: "yoga-1", type: "class_cancelled", noticeId: "class_cancelled-yoga-1" },
        webpush: { fcmOptions: { link: "http://app/classes/yoga-1" } },
        android: { collapseKey: "class_cancelled-yoga-1", notification: { tag: "class_cancelled-yoga-1" } },
        apns: { headers: { "apns-collapse-id": "class_cancelled-yoga-1" } },
      },
    ]);
  });

  it("splits at FCM's 500 tokens per call", () => {
    const tokens = Array.from({ length: 1201 }, (_, i) => `t${i}`);
    expect(buildPushMessages(cancelled, tokens, "http://app").map((m) => m.tokens.length)).toEqual([500, 500, 201]);
  });

  it("collapses a conversation's messages under one key", () => {
    const message: NoticeDraft = { ...cancelled, id: "message-c1", type: "message", data: { conversationId: "c1" } };
    const [push] = buildPushMessages(message, ["t"], "http://app");
    expect(push?.android.collapseKey).toBe("conversation-c1");
    expect(push?.apns.headers["apns-collapse-id"]).toBe("conversation-c1");
  });
});

describe("deadTokens", () => {
  const [message] = buildPushMessages(cancelled, ["ok", "gone", "bad", "malformed", "busy"], "http://app");
  const result: PushResult = {
    successCount: 1,
    failureCount: 4,
    responses: [
      { success: true },
      { success: false, error: { code: "messaging/registration-token-not-registered" } },
      { success: false, error: { code: "messaging/invalid-registration-token" } },
      { success: false, error: { code: "messaging/invalid-argument" } },
      { success: false, error: { code: "messaging/server-unavailable" } },
    ],
  };

  it("names the tokens FCM reports unregistered, invalid or malformed, and keeps the rest", () => {
    expect(deadTokens(message!, result)).toEqual(["gone", "bad", "malformed"]);
  });

  it("lists exactly the documented dead-token codes", () => {
    expect(DEAD_TOKEN_CODES).toEqual([
      "messaging/registration-token-not-registered",
      "messaging/invalid-registration-token",
      "messaging/invalid-argument",
    ]);
  });
});
