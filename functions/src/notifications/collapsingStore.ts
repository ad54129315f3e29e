/**
 * Collapsing notices: one line per burst (new messages in a conversation), refreshed by each event
 * of the burst and applied in the caller's own batch. See ADR 0005 and ADR 0007.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { noticeLinkPath, type NoticeDraft } from "../model/index.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { noticeDocument, resolveOptions, type BatchWrite, type DeliveryOptions } from "./inboxStore.js";
import { planDelivery } from "./preferences.js";
import { sendPush, type MemberDevice } from "./pushStore.js";
import { freshRecipients, NO_WISHES, type RecipientSource } from "./recipientStore.js";

/**
 * A notice that stands for a burst (new messages in one conversation), ready to be applied with
 * the caller's own writes: the draft's id names the burst, and each application refreshes the
 * text, marks it unread again and counts it, so a member who gets twenty messages sees one line,
 * not twenty. Because these writes are not idempotent (the count), they go in the caller's batch,
 * beside the marker that makes a redelivered event a no-op: applied once, with everything else.
 */
export interface CollapsingNotice {
  /** One write per member who wants it in the app, for the caller's batch. */
  inApp: BatchWrite[];
  /**
   * Pushes it, once the caller's batch committed: one multicast, with a collapse key per
   * conversation so a device shows the latest message only. At most once, like every push: a
   * caller that failed after its commit does not push on the redelivery.
   */
  push(): Promise<void>;
}

/**
 * Reads the members' wishes and plans a collapsing notice. Never emailed one by one: message email
 * is the weekly digest. `counts` says how many events each member's application stands for (a
 * caller that coalesced several messages into one commit); 1 when absent. `recipients` is where
 * wishes and devices come from (a caller in a burst passes one that remembers them).
 *
 * The in-app writes wait only for the wishes. Devices are read by `push`, after the caller's
 * commit, for the members whose wishes allow a push now: read beside the commit, a class chat's
 * device queries slowed it by more than they saved (ADR 0014).
 */
export async function prepareCollapsingNotice(
  db: Firestore,
  uids: readonly string[],
  draft: NoticeDraft,
  options: DeliveryOptions = {},
  counts: ReadonlyMap<string, number> = new Map(),
  recipients: RecipientSource = freshRecipients(db),
): Promise<CollapsingNotice> {
  const deps = resolveOptions(options);
  const nowMs = deps.now();
  const wishes = await recipients.wishes(uids);
  // Planned as if every member had a device: who has one is known when the devices are read.
  const planned = uids.map((uid) => {
    const { prefs, timeZone, email } = wishes.get(uid) ?? NO_WISHES;
    return { uid, plan: planDelivery(draft.type, { prefs, timeZone, email, tokenCount: 1 }, nowMs) };
  });
  const inApp = planned
    .filter((m) => m.plan.inApp)
    .map(
      (m): BatchWrite =>
        (batch) =>
          batch.set(
            refs(db).notification(m.uid, draft.id),
            { ...noticeDocument(draft), count: FieldValue.increment(counts.get(m.uid) ?? 1) },
            { merge: true },
          ),
    );
  // A held message push would be stale by morning: collapsing notices push now or never.
  const mayPush = planned.filter((m) => m.plan.push.kind === "send").map((m) => m.uid);
  return {
    inApp,
    push: async () => {
      if (mayPush.length === 0) return;
      const found = await recipients.devices(mayPush);
      const pushTo = new Map<string, readonly MemberDevice[]>(
        mayPush.flatMap((uid) => {
          const own = found.get(uid) ?? [];
          return own.length > 0 ? [[uid, own] as const] : [];
        }),
      );
      if (pushTo.size === 0) return;
      await sendPush(db, deps.push, draft, new URL(noticeLinkPath(draft.data), deps.appUrl).toString(), pushTo);
    },
  };
}

/**
 * The member has seen everything a collapsing notice stands for (they read the conversation up to
 * `seenAtMs`): it is marked read, and its count starts again at the next message. A notice
 * refreshed after that moment stands for something newer and stays unread; so does one refreshed
 * while this runs (the update is guarded by the time it was read at). Says whether it changed.
 */
export async function markCollapsingNoticeSeen(
  db: Firestore,
  uid: string,
  noticeId: string,
  seenAtMs: number,
): Promise<boolean> {
  const ref = refs(db).notification(uid, noticeId);
  const snap = await ref.get();
  const notice = dataOrAbsent(snap);
  if (!notice || notice.read || notice.createdAt.toMillis() > seenAtMs) return false;
  try {
    await ref.update({ read: true, count: FieldValue.delete() }, { lastUpdateTime: snap.updateTime! });
    return true;
  } catch (error) {
    if (grpcCode(error) === GRPC.FAILED_PRECONDITION) return false;
    throw error;
  }
}
