/**
 * Delivers notices on every channel a member wants: the in-app centre, push (FCM) and email (the
 * `mail/` outbox). Features hand over a NoticeDraft; everything about channels lives here.
 *
 * A fan-out to many members is cheap: preferences, settings and devices are read in bulk, the
 * in-app notices, outbox emails and delivery records are written in batches of up to 500 writes,
 * and push goes out as one multicast per 500 tokens.
 *
 * A retried fan-out tells nobody twice. Every member's delivery record
 * (`users/{uid}/notificationDeliveries/{noticeId}`) is created with create() in the same commit as
 * their in-app notice and outbox email (the email's id is derived from the notice and the member),
 * so a member is either claimed with all their writes or not at all, and a second run skips whoever
 * is claimed. Push is recorded `pending` in that commit, before FCM is called, and `sent`/`failed`
 * after: if the process dies in between, the push stays `pending` and is not sent again. Push is
 * therefore at most once, which is the right way round: a lost push still leaves the in-app notice
 * and the email, while a doubled one is exactly what makes members mute the app.
 */
import { FieldValue, Timestamp, type Firestore, type WithFieldValue, type WriteBatch } from "firebase-admin/firestore";
import {
  noticeLinkPath,
  type NoticeDraft,
  type Notification,
  type NotificationDelivery,
  type PushState,
} from "../model/index.js";
import { commitInBatches, MAX_BATCH_WRITES } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { appOrigin, defaultPushSender } from "./configStore.js";
import { newMailDocument } from "./mailStore.js";
import { planDelivery, type DeliveryPlan } from "./preferences.js";
import type { PushSender } from "./push.js";
import { sendPush, type MemberDevice } from "./pushStore.js";
import { getAllChunked, loadRecipients } from "./recipientStore.js";
import { noticeEmail } from "./templates.js";

export function noticeDocument(draft: NoticeDraft) {
  return {
    type: draft.type,
    title: draft.title,
    body: draft.body,
    data: draft.data,
    aboutUids: draft.aboutUids,
    read: false,
    createdAt: FieldValue.serverTimestamp(),
  } satisfies WithFieldValue<Notification>;
}

export interface DeliveryOptions {
  push?: PushSender;
  now?: () => number;
  /** The web client's origin for links; the APP_URL parameter by default. */
  appUrl?: string;
}

export function resolveOptions(options: DeliveryOptions) {
  return {
    push: options.push ?? defaultPushSender(),
    now: options.now ?? Date.now,
    appUrl: options.appUrl ?? appOrigin(),
  };
}

export const mailIdFor = (noticeId: string, uid: string) => `${noticeId}--${uid}`;

/** One write of a member's claim, added to whichever batch carries it. */
export type BatchWrite = (batch: WriteBatch) => void;

function writesFor(
  db: Firestore,
  uid: string,
  email: string | null,
  draft: NoticeDraft,
  plan: DeliveryPlan,
  link: string,
): BatchWrite[] {
  const pushState: PushState =
    plan.push.kind === "send" ? "pending" : plan.push.kind === "wait" ? "waiting" : plan.push.reason;
  const mailId = plan.email && email ? mailIdFor(draft.id, uid) : null;
  const delivery = {
    type: draft.type,
    inApp: plan.inApp,
    push: pushState,
    pushAt: plan.push.kind === "wait" ? Timestamp.fromMillis(plan.push.atMs) : null,
    notice: plan.push.kind === "wait" ? { title: draft.title, body: draft.body, data: draft.data } : null,
    mailId,
    aboutUids: draft.aboutUids,
    createdAt: FieldValue.serverTimestamp(),
  } satisfies WithFieldValue<NotificationDelivery>;
  const writes: BatchWrite[] = [(batch) => batch.create(refs(db).notificationDelivery(uid, draft.id), delivery)];
  if (plan.inApp) writes.push((batch) => batch.create(refs(db).notification(uid, draft.id), noticeDocument(draft)));
  if (mailId && email) {
    const mail = newMailDocument({
      to: email,
      content: noticeEmail({ notice: draft, link }),
      kind: draft.type,
      uid,
      unsubscribe: { uid, topic: draft.type },
      aboutUids: draft.aboutUids,
    });
    writes.push((batch) => batch.create(refs(db).mail(mailId), mail));
  }
  return writes;
}

/**
 * Commits each member's writes together, up to 500 writes a commit. A commit that hits a document
 * created meanwhile (a twin delivery of the same event) is redone member by member, so only the
 * twin's members are skipped. Resolves with the members claimed by this call.
 */
async function commitClaims(
  db: Firestore,
  groups: readonly { uid: string; writes: BatchWrite[] }[],
): Promise<Set<string>> {
  const claimed = new Set<string>();
  const commit = async (chunk: readonly { uid: string; writes: BatchWrite[] }[]) => {
    const batch = db.batch();
    for (const group of chunk) for (const write of group.writes) write(batch);
    await batch.commit();
    for (const group of chunk) claimed.add(group.uid);
  };
  let chunk: { uid: string; writes: BatchWrite[] }[] = [];
  let size = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const current = chunk;
    chunk = [];
    size = 0;
    try {
      await commit(current);
    } catch (error) {
      if (grpcCode(error) !== GRPC.ALREADY_EXISTS) throw error;
      for (const group of current) {
        await commit([group]).catch((e: unknown) => {
          if (grpcCode(e) !== GRPC.ALREADY_EXISTS) throw e;
        });
      }
    }
  };
  for (const group of groups) {
    if (size + group.writes.length > MAX_BATCH_WRITES) await flush();
    chunk.push(group);
    size += group.writes.length;
  }
  await flush();
  return claimed;
}

const recordPush = (db: Firestore, noticeId: string, uids: readonly string[], state: PushState) =>
  commitInBatches(db, uids, (batch, uid) =>
    batch.update(refs(db).notificationDelivery(uid, noticeId), { push: state }),
  );

export interface FanOutResult {
  inApp: number;
  pushCalls: number;
  emails: number;
  claimed: number;
}

/**
 * Delivers one notice to many members (a cancelled class, a reminder). Members already told
 * (by an earlier run of the same event) are skipped on every channel.
 */
export async function deliverToMany(
  db: Firestore,
  uids: readonly string[],
  draft: NoticeDraft,
  options: DeliveryOptions = {},
): Promise<FanOutResult> {
  const deps = resolveOptions(options);
  const unique = [...new Set(uids)];
  const already = await getAllChunked(
    db,
    unique.map((uid) => refs(db).notificationDelivery(uid, draft.id)),
  );
  const fresh = unique.filter((_uid, i) => !already[i]?.exists);
  const result: FanOutResult = { inApp: 0, pushCalls: 0, emails: 0, claimed: 0 };
  if (fresh.length === 0) return result;

  const nowMs = deps.now();
  const link = new URL(noticeLinkPath(draft.data), deps.appUrl).toString();
  const members = await loadRecipients(db, fresh);
  const planned = members.map((m) => ({ ...m, plan: planDelivery(draft.type, m.recipient, nowMs) }));
  const claimed = await commitClaims(
    db,
    planned.map((m) => ({ uid: m.uid, writes: writesFor(db, m.uid, m.recipient.email, draft, m.plan, link) })),
  );
  const mine = planned.filter((m) => claimed.has(m.uid));
  result.claimed = mine.length;
  result.inApp = mine.filter((m) => m.plan.inApp).length;
  result.emails = mine.filter((m) => m.plan.email).length;

  const pushTo = new Map<string, readonly MemberDevice[]>(
    mine.filter((m) => m.plan.push.kind === "send").map((m) => [m.uid, m.devices]),
  );
  if (pushTo.size > 0) {
    const outcome = await sendPush(db, deps.push, draft, link, pushTo);
    result.pushCalls = outcome.calls;
    const uids = [...pushTo.keys()];
    await recordPush(
      db,
      draft.id,
      uids.filter((uid) => outcome.delivered.has(uid)),
      "sent",
    );
    await recordPush(
      db,
      draft.id,
      uids.filter((uid) => !outcome.delivered.has(uid)),
      "failed",
    );
  }
  return result;
}

/** Many recipients at once (a cancelled class): resolves with the number of in-app notices created. */
export async function notifyMany(
  db: Firestore,
  uids: readonly string[],
  draft: NoticeDraft,
  options: DeliveryOptions = {},
): Promise<number> {
  return (await deliverToMany(db, uids, draft, options)).inApp;
}
