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
import { FieldValue, Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import {
  noticeLinkPath,
  notificationPaths,
  paths,
  type NoticeDraft,
  type NotificationDelivery,
  type PushState,
} from "../model/index.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { appOrigin, defaultPushSender } from "./configStore.js";
import { newMailDocument } from "./mailStore.js";
import { planDelivery, preferencesOrDefaults, type DeliveryPlan, type Recipient } from "./preferences.js";
import type { PushSender } from "./push.js";
import { loadDevices, sendPush, type MemberDevice } from "./pushStore.js";
import { noticeEmail } from "./templates.js";

export function noticeDocument(draft: NoticeDraft) {
  return {
    type: draft.type,
    title: draft.title,
    body: draft.body,
    data: draft.data,
    read: false,
    createdAt: FieldValue.serverTimestamp(),
  };
}

export interface DeliveryOptions {
  push?: PushSender;
  now?: () => number;
  /** The web client's origin for links; the APP_URL parameter by default. */
  appUrl?: string;
}

function resolve(options: DeliveryOptions) {
  return {
    push: options.push ?? defaultPushSender(),
    now: options.now ?? Date.now,
    appUrl: options.appUrl ?? appOrigin(),
  };
}

/** Firestore's limit of writes per commit. */
const BATCH_WRITES = 500;
const READ_CHUNK = 300;

export const mailIdFor = (noticeId: string, uid: string) => `${noticeId}--${uid}`;

async function getAllChunked(db: Firestore, refs: readonly DocumentReference[]) {
  const snaps = [];
  for (let i = 0; i < refs.length; i += READ_CHUNK) snaps.push(...(await db.getAll(...refs.slice(i, i + READ_CHUNK))));
  return snaps;
}

/** Preferences, time zone, email and devices of each member, read in bulk. */
async function loadRecipients(db: Firestore, uids: readonly string[]) {
  const [prefs, settings, devices] = await Promise.all([
    getAllChunked(
      db,
      uids.map((uid) => db.doc(paths.notificationPreferences(uid))),
    ),
    getAllChunked(
      db,
      uids.map((uid) => db.doc(paths.privateSettings(uid))),
    ),
    loadDevices(db, uids),
  ]);
  return uids.map((uid, i) => {
    const email = settings[i]?.get("email") as unknown;
    const timeZone = settings[i]?.get("timeZone") as unknown;
    const memberDevices = devices.get(uid) ?? [];
    const recipient: Recipient = {
      prefs: preferencesOrDefaults(prefs[i]?.data()),
      timeZone: typeof timeZone === "string" ? timeZone : "UTC",
      email: typeof email === "string" && email.includes("@") ? email : null,
      tokenCount: memberDevices.length,
    };
    return { uid, recipient, devices: memberDevices };
  });
}

type Write = { ref: DocumentReference; data: Record<string, unknown> };

function writesFor(
  db: Firestore,
  uid: string,
  email: string | null,
  draft: NoticeDraft,
  plan: DeliveryPlan,
  link: string,
) {
  const pushState: PushState =
    plan.push.kind === "send" ? "pending" : plan.push.kind === "wait" ? "waiting" : (plan.push.reason as PushState);
  const mailId = plan.email && email ? mailIdFor(draft.id, uid) : null;
  const delivery: Omit<NotificationDelivery, "createdAt"> & { createdAt: FieldValue } = {
    type: draft.type,
    inApp: plan.inApp,
    push: pushState,
    pushAt: plan.push.kind === "wait" ? Timestamp.fromMillis(plan.push.atMs) : null,
    notice: plan.push.kind === "wait" ? { title: draft.title, body: draft.body, data: draft.data } : null,
    mailId,
    createdAt: FieldValue.serverTimestamp(),
  };
  const writes: Write[] = [{ ref: db.doc(notificationPaths.delivery(uid, draft.id)), data: delivery }];
  if (plan.inApp) writes.push({ ref: db.doc(paths.notification(uid, draft.id)), data: noticeDocument(draft) });
  if (mailId && email) {
    writes.push({
      ref: db.doc(paths.mail(mailId)),
      data: newMailDocument({
        to: email,
        content: noticeEmail({ notice: draft, link }),
        template: draft.type,
        uid,
        unsubscribe: { uid, topic: draft.type },
      }),
    });
  }
  return writes;
}

/**
 * Commits each member's writes together, up to 500 writes a commit. A commit that hits a document
 * created meanwhile (a twin delivery of the same event) is redone member by member, so only the
 * twin's members are skipped. Resolves with the members claimed by this call.
 */
async function commitClaims(db: Firestore, groups: readonly { uid: string; writes: Write[] }[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  const commit = async (chunk: readonly { uid: string; writes: Write[] }[]) => {
    const batch = db.batch();
    for (const group of chunk) for (const w of group.writes) batch.create(w.ref, w.data);
    await batch.commit();
    for (const group of chunk) claimed.add(group.uid);
  };
  let chunk: { uid: string; writes: Write[] }[] = [];
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
    if (size + group.writes.length > BATCH_WRITES) await flush();
    chunk.push(group);
    size += group.writes.length;
  }
  await flush();
  return claimed;
}

async function recordPush(db: Firestore, noticeId: string, uids: readonly string[], state: PushState) {
  for (let i = 0; i < uids.length; i += BATCH_WRITES) {
    const batch = db.batch();
    for (const uid of uids.slice(i, i + BATCH_WRITES)) {
      batch.update(db.doc(notificationPaths.delivery(uid, noticeId)), { push: state });
    }
    await batch.commit();
  }
}

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
  const deps = resolve(options);
  const unique = [...new Set(uids)];
  const already = await getAllChunked(
    db,
    unique.map((uid) => db.doc(notificationPaths.delivery(uid, draft.id))),
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

/**
 * One notice that stands for a burst (new messages in one conversation): the draft's id names the
 * burst, each call refreshes the text, marks it unread again and counts it, so a member who gets
 * twenty messages sees one line, not twenty. Push carries a collapse key per conversation, so a
 * device shows the latest message only (and a retried trigger's second push replaces the first).
 * Never emailed one by one: message email is the weekly digest.
 */
export async function notifyCollapsing(
  db: Firestore,
  uid: string,
  draft: NoticeDraft,
  options: DeliveryOptions = {},
): Promise<unknown> {
  const deps = resolve(options);
  const [member] = await loadRecipients(db, [uid]);
  if (!member) return;
  const plan = planDelivery(draft.type, member.recipient, deps.now());
  if (plan.inApp) {
    await db
      .doc(paths.notification(uid, draft.id))
      .set({ ...noticeDocument(draft), count: FieldValue.increment(1) }, { merge: true });
  }
  // A held message push would be stale by morning: collapsing notices push now or never.
  if (plan.push.kind === "send") {
    const link = new URL(noticeLinkPath(draft.data), deps.appUrl).toString();
    await sendPush(db, deps.push, draft, link, new Map([[uid, member.devices]]));
  }
  return;
}
