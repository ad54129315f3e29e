/**
 * Connections in Firestore: one transaction per change writes both members' sides of the pair
 * and both members' counts, so a count is exactly the number of "yes" sides there are, whatever
 * runs at the same time. A block or an account deletion severs a pair the same way.
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import {
  DEFAULT_SOCIAL_SETTINGS,
  isRestricted,
  pairIdOf,
  standingView,
  type ChangeConnectionRequest,
  type ChangeConnectionResponse,
  type Connection,
} from "../model/index.js";
import { takeRateLimit } from "../limits/index.js";
import { notifyMany } from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import {
  countChanges,
  decideConnection,
  isEmpty,
  isNoChange,
  isOutreach,
  mirror,
  newsFor,
  NO_CONNECTION,
  sameView,
  type ConnectionNews,
  type CountChange,
  type PairView,
} from "./connections.js";
import { pruneFeed } from "./feedStore.js";
import { connectionNotice } from "./notices.js";

const viewOf = (connection: Connection | undefined): PairView =>
  connection
    ? { following: connection.following, followedBy: connection.followedBy, friend: connection.friend }
    : NO_CONNECTION;

/** Actions that ask something of the other member: refused when they are not there for the caller. */
const REACHING_OUT = new Set<ChangeConnectionRequest["action"]>([
  "follow",
  "approve_follower",
  "request_friend",
  "accept_friend",
]);

/**
 * Whether the two may connect at all: both ways unblocked, and the other member exists, is not
 * disabled and is not restricted. Every refusal says the same, so nobody learns they were blocked.
 */
async function requireReachable(tx: Transaction, db: Firestore, uid: string, otherUid: string, nowMs: number) {
  const r = refs(db);
  const [blocked, blockedBy, profile, moderation] = await Promise.all([
    tx.get(r.block(uid, otherUid)),
    tx.get(r.block(otherUid, uid)),
    tx.get(r.user(otherUid)),
    tx.get(r.moderation(otherUid)),
  ]);
  const standing = dataOrAbsent(moderation);
  const restricted = standing !== undefined && isRestricted(standingView(standing), nowMs);
  if (blocked.exists || blockedBy.exists || !profile.exists || dataOrAbsent(profile)?.disabled || restricted) {
    throw new DomainError("not-found", "This member is not available.");
  }
}

function writeCounts(tx: Transaction, db: Firestore, uid: string, change: CountChange) {
  if (isNoChange(change)) return;
  tx.set(
    refs(db).socialCounts(uid),
    {
      followers: FieldValue.increment(change.followers),
      following: FieldValue.increment(change.following),
      friends: FieldValue.increment(change.friends),
      updatedAt: FieldValue.serverTimestamp(),
    },
    { merge: true },
  );
}

/** Writes the pair as `after` (seen from `uid`), both sides and both counts, or deletes it when empty. */
function writePair(
  tx: Transaction,
  db: Firestore,
  uid: string,
  otherUid: string,
  before: PairView,
  after: PairView,
  friendsSince: Connection["friendsSince"],
) {
  const r = refs(db);
  if (isEmpty(after)) {
    tx.delete(r.connection(uid, otherUid));
    tx.delete(r.connection(otherUid, uid));
  } else {
    const since = after.friend !== "yes" ? null : before.friend === "yes" ? friendsSince : FieldValue.serverTimestamp();
    const side = (owner: string, other: string, view: PairView) =>
      tx.set(r.connection(owner, other), {
        otherUid: other,
        ...view,
        friendsSince: since,
        updatedAt: FieldValue.serverTimestamp(),
      });
    side(uid, otherUid, after);
    side(otherUid, uid, mirror(after));
  }
  const counts = countChanges(before, after);
  writeCounts(tx, db, uid, counts.actor);
  writeCounts(tx, db, otherUid, counts.other);
}

export interface ConnectionChange extends ChangeConnectionResponse {
  /** What the other member is to be told. */
  news: ConnectionNews[];
}

/** The caller's `action` on `input.uid`, applied atomically; the other member is told after the commit. */
export async function changeConnection(
  db: Firestore,
  uid: string,
  input: ChangeConnectionRequest,
  nowMs: number,
): Promise<ConnectionChange> {
  const otherUid = input.uid;
  if (otherUid === uid) throw new DomainError("invalid-argument", "uid: You cannot connect with yourself.");
  const r = refs(db);
  const { before, after } = await runDomainTransaction(db, async (tx) => {
    const mine = dataOrAbsent(await tx.get(r.connection(uid, otherUid)));
    const before = viewOf(mine);
    if (REACHING_OUT.has(input.action)) await requireReachable(tx, db, uid, otherUid, nowMs);
    const asking = input.action === "follow" || input.action === "request_friend";
    const [settings, match] = asking
      ? await Promise.all([
          tx.get(r.socialSettings(otherUid)).then((s) => dataOrAbsent(s)),
          input.action === "request_friend" ? tx.get(r.match(pairIdOf(uid, otherUid))) : null,
        ])
      : [undefined, null];
    const after = decideConnection(before, input.action, {
      settings: settings ?? DEFAULT_SOCIAL_SETTINGS,
      matched: match?.exists ?? false,
    });
    if (sameView(before, after)) return { before, after };
    const recordOutreach = isOutreach(before, after)
      ? await takeRateLimit(tx, db, "connectionRequest", uid, nowMs, "follows and friend requests a day")
      : null;
    writePair(tx, db, uid, otherUid, before, after, mine?.friendsSince ?? null);
    recordOutreach?.();
    return { before, after };
  });
  // Each member reads the other's activities: what the new pair no longer allows leaves both feeds.
  await pruneFeedsAfter(db, uid, otherUid, before, after);
  const news = newsFor(before, after);
  if (news.length > 0) {
    const name = await memberName(db, uid);
    for (const item of news) await notifyMany(db, [otherUid], connectionNotice(item, uid, name, nowMs));
  }
  return { ...after, changed: !sameView(before, after), news };
}

/** How a notice names the member who acted. */
export const memberName = async (db: Firestore, uid: string) =>
  dataOrAbsent(await refs(db).user(uid).get())?.displayName ?? "A member";

/** Whether either member stopped being the other's friend or follower. */
const lostAccess = (before: PairView, after: PairView) =>
  (before.friend === "yes" && after.friend !== "yes") ||
  (before.following === "yes" && after.following !== "yes") ||
  (before.followedBy === "yes" && after.followedBy !== "yes");

/** Prunes both members' feeds of each other's activities the pair no longer lets them see. */
export async function pruneFeedsAfter(db: Firestore, uid: string, otherUid: string, before: PairView, after: PairView) {
  if (!lostAccess(before, after)) return;
  await pruneFeed(db, uid, otherUid, after);
  await pruneFeed(db, otherUid, uid, mirror(after));
}

/**
 * Ends every connection between two members, both ways, with the counts (a block, an account
 * deletion). Idempotent: a second run finds nothing left. Resolves with whether anything was there.
 */
export async function severConnection(db: Firestore, uid: string, otherUid: string): Promise<boolean> {
  return runDomainTransaction(db, async (tx) => {
    const mine = dataOrAbsent(await tx.get(refs(db).connection(uid, otherUid)));
    const theirs = dataOrAbsent(await tx.get(refs(db).connection(otherUid, uid)));
    if (!mine && !theirs) return false;
    // The two sides are always written together; both are read so that a side that no longer
    // parses still goes, counted from the side that does.
    const before = mine ? viewOf(mine) : mirror(viewOf(theirs));
    writePair(tx, db, uid, otherUid, before, NO_CONNECTION, null);
    return true;
  });
}
