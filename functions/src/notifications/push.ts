/**
 * FCM messages, built once per notice for every token that should get it, and what FCM's answer
 * means for each token. Pure; the sender itself sits behind PushSender (pushStore.ts).
 */
import type { NoticeDraft } from "../model/index.js";

/** sendEachForMulticast takes at most 500 tokens per call. */
export const MULTICAST_LIMIT = 500;

/** The subset of firebase-admin's MulticastMessage that Numina uses. */
export interface PushMessage {
  tokens: string[];
  notification: { title: string; body: string };
  data: Record<string, string>;
  webpush: { fcmOptions: { link: string } };
  android: { collapseKey?: string; notification: { tag?: string } };
  apns: { headers: Record<string, string> };
}

/** The subset of firebase-admin's BatchResponse that Numina reads. */
export interface PushResult {
  responses: { success: boolean; error?: { code: string; message?: string } }[];
  successCount: number;
  failureCount: number;
}

export interface PushSender {
  sendEachForMulticast(message: PushMessage): Promise<PushResult>;
}

/**
 * Error codes that mean the token itself is dead, so its device document is deleted. Anything
 * else (quota, unavailable, internal) is FCM's problem, not the token's, and the token is kept.
 * `invalid-argument` is FCM's answer for a malformed token in a multicast.
 */
export const DEAD_TOKEN_CODES: readonly string[] = [
  "messaging/registration-token-not-registered",
  "messaging/invalid-registration-token",
  "messaging/invalid-argument",
];

/** One collapse key per conversation (or notice), so a burst shows as its latest message on a device. */
export function collapseKeyOf(draft: NoticeDraft): string {
  return draft.data["conversationId"] ? `conversation-${draft.data["conversationId"]}` : draft.id;
}

/** Multicast messages for `tokens`, in chunks FCM accepts. */
export function buildPushMessages(draft: NoticeDraft, tokens: readonly string[], link: string): PushMessage[] {
  const collapseKey = collapseKeyOf(draft);
  const messages: PushMessage[] = [];
  for (let i = 0; i < tokens.length; i += MULTICAST_LIMIT) {
    messages.push({
      tokens: tokens.slice(i, i + MULTICAST_LIMIT),
      notification: { title: draft.title, body: draft.body },
      data: { ...draft.data, type: draft.type, noticeId: draft.id },
      webpush: { fcmOptions: { link } },
      android: { collapseKey, notification: { tag: collapseKey } },
      apns: { headers: { "apns-collapse-id": collapseKey.slice(0, 64) } },
    });
  }
  return messages;
}

/** The tokens of a message that FCM said are dead. */
export function deadTokens(message: PushMessage, result: PushResult): string[] {
  return message.tokens.filter((_token, i) => {
    const code = result.responses[i]?.error?.code;
    return code !== undefined && DEAD_TOKEN_CODES.includes(code);
  });
}
