/**
 * A burst of messages into one conversation, shared by the load test and the benchmark: every
 * message is created and its trigger body (recordMessage) run in process, all at once, some of
 * them delivered twice as Firestore may do. Reports what members would check: their counts and
 * their notices.
 */
import { randomUUID } from "node:crypto";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { recordMessage, type RecordOutcome } from "../../src/messaging/messageStore.js";
import { messageSchema, paths } from "../../src/model/index.js";
import { refs } from "../../src/shared/refs.js";
import { RecordingPushSender } from "./recordingPushSender.js";

/** A group conversation of `memberIds`; with `phones`, each member has one device (`tokenOf`). */
export async function seedGroup(
  db: Firestore,
  memberIds: readonly string[],
  { phones = false }: { phones?: boolean } = {},
): Promise<string> {
  const conversationId = `burst-${randomUUID().slice(0, 8)}`;
  const batch = db.batch();
  batch.set(refs(db).conversation(conversationId), {
    type: "group",
    memberIds: [...memberIds],
    title: "Burst",
    status: "open",
    matchId: null,
    classId: null,
    lastMessage: null,
    unreadCounts: Object.fromEntries(memberIds.map((uid) => [uid, 0])),
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
  });
  for (const uid of memberIds) batch.set(refs(db).conversationMember(conversationId, uid), { uid }, { merge: true });
  await batch.commit();
  // As in a real class chat, every member has a phone: the burst's pushes read their devices.
  for (let i = 0; phones && i < memberIds.length; i += 400) {
    const devices = db.batch();
    for (const uid of memberIds.slice(i, i + 400))
      devices.set(refs(db).device(uid, "phone"), {
        uid,
        token: tokenOf(uid),
        platform: "android",
        updatedAt: Timestamp.now(),
      });
    await devices.commit();
  }
  return conversationId;
}

/** How long after the last trigger returned a listener may still be catching up. */
const SETTLE_GRACE_MS = 10_000;

export const tokenOf = (uid: string) => `token-${uid}`;

export interface BurstResult {
  outcomes: RecordOutcome[];
  /**
   * Time from the first send until a listener on the conversation sees every member's count
   * exact: what a member's badge shows. The in-app notices commit with the counters.
   */
  settleMs: number;
  /** Time from the first send to the last trigger body returning, its pushes sent. */
  doneMs: number;
  /** Per-message time from its send to its trigger body returning, its group's pushes sent. */
  perMessageMs: number[];
  expected: Record<string, number>;
  counts: Record<string, number>;
  messages: number;
  receipts: number;
  notices: Record<string, number>;
  /** Members whose phone was pushed at least once. */
  pushed: Set<string>;
}

/** `count` messages from the members in turn; every `redeliverEvery`-th is processed twice. */
export async function burst(
  db: Firestore,
  conversationId: string,
  memberIds: readonly string[],
  count: number,
  redeliverEvery = 10,
): Promise<BurstResult> {
  const expected = Object.fromEntries(
    memberIds.map((uid, m) => [
      uid,
      count - Array.from({ length: count }, (_, i) => i % memberIds.length === m).filter(Boolean).length,
    ]),
  );
  let stopListening = () => {};
  const settled = new Promise<number>((resolve, reject) => {
    stopListening = refs(db)
      .conversation(conversationId)
      .onSnapshot((snap) => {
        const counts = snap.data()?.unreadCounts ?? {};
        if (memberIds.every((uid) => counts[uid] === expected[uid])) resolve(performance.now());
      }, reject);
  });
  // One sender for the whole burst, as one deployed instance has: its messages may share commits.
  const push = new RecordingPushSender();
  const start = performance.now();
  const timed = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t = performance.now();
      const senderId = memberIds[i % memberIds.length]!;
      const messageId = `msg-${String(i).padStart(4, "0")}`;
      const data = { senderId, text: `message ${i}`, createdAt: Timestamp.now() };
      await db.doc(paths.message(conversationId, messageId)).create(data);
      const deliveries = i % redeliverEvery === 0 ? 2 : 1;
      const outcomes = await Promise.all(
        Array.from({ length: deliveries }, () =>
          recordMessage(db, conversationId, messageId, messageSchema.parse(data), { push }),
        ),
      );
      return { outcomes, ms: performance.now() - t };
    }),
  );
  const doneMs = performance.now() - start;
  // Counts that are wrong once every trigger returned never settle: NaN, and the counts say why.
  const settleMs =
    (await Promise.race([settled, new Promise<number>((resolve) => setTimeout(() => resolve(NaN), SETTLE_GRACE_MS))])) -
    start;
  stopListening();
  const [conversationSnap, messages, receipts, notices] = await Promise.all([
    refs(db).conversation(conversationId).get(),
    refs(db).messages(conversationId).count().get(),
    refs(db).messageReceipt(conversationId, "any").parent.count().get(),
    Promise.all(
      memberIds.map(
        async (uid) =>
          [uid, (await refs(db).notification(uid, `message-${conversationId}`).get()).data()?.count ?? 0] as const,
      ),
    ),
  ]);
  return {
    outcomes: timed.flatMap((t) => t.outcomes),
    settleMs,
    doneMs,
    perMessageMs: timed.map((t) => t.ms),
    expected,
    counts: conversationSnap.data()?.unreadCounts ?? {},
    messages: messages.data().count,
    receipts: receipts.data().count,
    notices: Object.fromEntries(notices),
    pushed: new Set(push.tokensSent().map((token) => token.replace(/^token-/, ""))),
  };
}
