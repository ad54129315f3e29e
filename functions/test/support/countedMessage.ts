/**
 * A message as a client sends it: the message and the sender's messages-per-minute count in one
 * batch, the count planned from the stored window (model/limits.ts). Client SDK only, so rules
 * tests and emulator tests send exactly what the web client sends.
 */
import { doc, getDoc, serverTimestamp, writeBatch, type Firestore } from "firebase/firestore";
import {
  DEFAULT_MESSAGES_PER_MINUTE,
  messageQuotaSchema,
  paths,
  planMessageQuota,
  type MessageQuotaPlan,
} from "../../src/model/index.js";

export interface OutgoingMessage {
  senderId: string;
  text: unknown;
  createdAt: unknown;
  [extra: string]: unknown;
}

/** The quota document a plan writes. */
export function quotaWrite(
  plan: MessageQuotaPlan,
  windowStartedAt: unknown,
  conversationId: string,
  messageId: string,
) {
  if (plan.kind === "wait") throw new Error("No quota write for a wait");
  return plan.kind === "newWindow"
    ? { windowStartedAt: serverTimestamp(), count: 1, conversationId, messageId }
    : { windowStartedAt, count: plan.count, conversationId, messageId };
}

/**
 * Sends `message` as `uid` with the count bumped the way the client would (a new window, or one
 * more in the current one). `plan` overrides the planning, to send what a client must not.
 */
export async function sendCounted(
  db: Firestore,
  uid: string,
  conversationId: string,
  messageId: string,
  message: OutgoingMessage,
  plan?: MessageQuotaPlan,
): Promise<void> {
  const quotaRef = doc(db, paths.messageQuota(uid));
  const stored = await getDoc(quotaRef)
    .then((snap) => messageQuotaSchema.safeParse(snap.data()))
    .catch(() => null);
  const current = stored?.success
    ? { windowStartedAtMs: stored.data.windowStartedAt.toMillis(), count: stored.data.count }
    : null;
  const chosen = plan ?? planMessageQuota(current, Date.now(), DEFAULT_MESSAGES_PER_MINUTE);
  const batch = writeBatch(db);
  batch.set(doc(db, paths.message(conversationId, messageId)), message);
  batch.set(
    quotaRef,
    quotaWrite(chosen, stored?.success ? stored.data.windowStartedAt : null, conversationId, messageId),
  );
  await batch.commit();
}
