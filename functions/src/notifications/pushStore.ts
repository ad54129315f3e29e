/**
 * Device tokens and push sending: loads members' tokens, sends one multicast per chunk of tokens,
 * and deletes the devices whose tokens FCM reports dead.
 */
import type { Firestore } from "firebase-admin/firestore";
import { maxDevicesPerMemberOf, paths, type deviceSchema, type NoticeDraft } from "../model/index.js";
import { limitsConfigIn } from "../limits/index.js";
import type { TypedDoc } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { devicesBeyondCap } from "./deviceCap.js";
import { buildPushMessages, deadTokens, type PushSender } from "./push.js";
import { commitInBatches, dataOrAbsent } from "../shared/firestore.js";

export interface MemberDevice {
  token: string;
  ref: TypedDoc<typeof deviceSchema>;
}

/** Concurrent queries in flight at once, so a fan-out to thousands does not open hundreds of streams. */
const READ_CONCURRENCY = 8;

export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Firestore's most values in one `in` filter. */
const IN_LIMIT = 30;

/**
 * Each member's devices, by one collection-group query per 30 members (a 500-member class chat is
 * 17 queries, where one per member took 500 and most of a burst's time). A device counts only
 * under its owner's own path: the rules make `uid` the path's, and this does not trust it alone.
 */
export async function loadDevices(db: Firestore, uids: readonly string[]): Promise<Map<string, MemberDevice[]>> {
  const unique = [...new Set(uids)];
  const chunks = Array.from({ length: Math.ceil(unique.length / IN_LIMIT) }, (_, i) =>
    unique.slice(i * IN_LIMIT, (i + 1) * IN_LIMIT),
  );
  const found = new Map<string, MemberDevice[]>(uids.map((uid) => [uid, []]));
  const snaps = await mapLimited(chunks, READ_CONCURRENCY, (chunk) =>
    refs(db).allDevices().where("uid", "in", chunk).get(),
  );
  for (const snap of snaps)
    for (const doc of snap.docs) {
      const device = dataOrAbsent(doc);
      if (device && doc.ref.path === paths.device(device.uid, doc.id))
        found.get(device.uid)?.push({ token: device.token, ref: doc.ref });
    }
  return found;
}

export interface PushOutcome {
  /** Members with at least one token FCM accepted. */
  delivered: Set<string>;
  calls: number;
  removedTokens: number;
}

/**
 * Sends one notice to every device of `members`: one multicast per 500 tokens, whoever owns them.
 * Dead tokens are deleted; a member counts as reached if any of their devices took the push.
 */
export async function sendPush(
  db: Firestore,
  sender: PushSender,
  draft: NoticeDraft,
  link: string,
  members: ReadonlyMap<string, readonly MemberDevice[]>,
): Promise<PushOutcome> {
  const owner = new Map<string, { uid: string; ref: MemberDevice["ref"] }>();
  for (const [uid, devices] of members) for (const d of devices) owner.set(d.token, { uid, ref: d.ref });
  const outcome: PushOutcome = { delivered: new Set(), calls: 0, removedTokens: 0 };
  if (owner.size === 0) return outcome;
  const dead: MemberDevice["ref"][] = [];
  for (const message of buildPushMessages(draft, [...owner.keys()], link)) {
    const result = await sender.sendEachForMulticast(message);
    outcome.calls += 1;
    message.tokens.forEach((token, i) => {
      const uid = owner.get(token)?.uid;
      if (uid && result.responses[i]?.success) outcome.delivered.add(uid);
    });
    for (const token of deadTokens(message, result)) {
      const ref = owner.get(token)?.ref;
      if (ref) dead.push(ref);
    }
  }
  await commitInBatches(db, dead, (batch, ref) => batch.delete(ref));
  outcome.removedTokens = dead.length;
  return outcome;
}

/**
 * Deletes the member's oldest devices beyond `maxDevicesPerMember` (config/limits), and says how
 * many. In one transaction, so a device refreshed while this runs is not dropped as old; running
 * it again drops nothing more.
 */
export async function capDevices(db: Firestore, uid: string): Promise<number> {
  return db.runTransaction(async (tx) => {
    const max = maxDevicesPerMemberOf(await limitsConfigIn(tx, db));
    const snap = await tx.get(refs(db).devices(uid));
    const drop = devicesBeyondCap(
      snap.docs.map((doc) => ({ id: doc.id, updatedAtMs: dataOrAbsent(doc)?.updatedAt.toMillis() ?? null })),
      max,
    );
    for (const id of drop) tx.delete(refs(db).device(uid, id));
    return drop.length;
  });
}
