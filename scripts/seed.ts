/**
 * Demo data for the local emulators: `npm run seed`, and `npm start` runs it on every start.
 *
 * Idempotent: uids, emails and document ids are deterministic, so a re-run updates what exists
 * and creates only what is missing. Accounts, profiles and settings are reset to their canonical
 * demo values (a role changed by hand goes back to the seeded one); classes are only created,
 * never overwritten, because they carry live state (seat counts, cancellations) that a re-seed
 * must not undo. Refuses to run unless both emulator hosts are set.
 *
 * Fast to settle: the emulators' background triggers are off while it writes the bulk (accounts,
 * profiles, preferences, classes, RSVPs), and it writes what they would have derived itself,
 * through the same store code (Discover queues, class chats), so the demo is complete moments after
 * the seed ends instead of minutes later while the Functions emulator works through a thousand
 * seed-triggered invocations. Seeded accounts get no welcome email: nobody reads them. The demo
 * conversations are written with triggers on: their match notices come from the match trigger.
 */
import { performance } from "node:perf_hooks";
import { initializeApp } from "firebase-admin/app";
import { getAuth, type Auth, type UserRecord } from "firebase-admin/auth";
import {
  Timestamp,
  getFirestore,
  type DocumentData,
  type DocumentReference,
  type Firestore,
} from "firebase-admin/firestore";
import {
  classSchema,
  formatIssues,
  paths,
  privateSettingsSchema,
  SEEDED_ACCOUNT_CLAIM,
  userProfileSchema,
} from "../functions/src/model/index.js";
import { DomainError } from "../functions/src/shared/errors.js";
import { rsvp } from "../functions/src/classes/index.js";
import { matchingKey, matchingPointOf, publicGeohashOf, refreshAllQueues } from "../functions/src/matching/index.js";
import { syncClassChatMember } from "../functions/src/messaging/index.js";
import { distinctSubjects, refreshRatingSummaries, sendDueReviewPrompts } from "../functions/src/reviews/index.js";
import { chunk, mapLimit } from "./lib/concurrency.js";
import {
  CLASS_HORIZON_DAYS,
  DEMO_PASSWORD,
  FIXED_LOGINS,
  generateDemoData,
  generateDemoRsvps,
  type DemoAccount,
  type DemoData,
} from "./lib/demoData.js";
import { assertEmulatorsReachable, describeTarget, emulatorTargetFromEnv } from "./lib/target.js";
// ---- Matching
import { DEMO_MATCH_PREFERENCES, demoAdmirers } from "./lib/demoMatching.js";
// ---- Messaging
import { generateDemoConversations } from "./lib/demoConversations.js";
import { generateDemoPastClasses, type DemoPastClass } from "./lib/demoReviews.js";

const BATCH_LIMIT = 500; // Firestore's maximum writes per batch
// The Auth emulator handles one request at a time: a few in flight hide the round trips, more only
// queue up there, and on a busy machine push requests past the SDK's timeout.
const AUTH_CONCURRENCY = 4;

interface Write {
  ref: DocumentReference;
  data: DocumentData;
  /** `create` fails instead of overwriting; used for classes, which a re-seed must never reset. */
  mode: "set" | "create";
}

async function main(): Promise<void> {
  const target = emulatorTargetFromEnv(process.env);
  if (typeof target === "string") {
    console.error(`seed: ${target}`);
    process.exitCode = 1;
    return;
  }
  await assertEmulatorsReachable(target);
  // The Firestore client still looks for Google credentials, probing for a GCE metadata server
  // that cannot exist here: skip the probe, its DNS failure and its warning.
  process.env["METADATA_SERVER_DETECTION"] ??= "none";
  const startedAt = performance.now();
  const runStartedMs = Date.now();

  const app = initializeApp({ projectId: target.projectId }, "numina-seed");
  const auth = getAuth(app);
  const db = getFirestore(app);

  const data = generateDemoData({ now: new Date(runStartedMs), timestamp: (ms) => Timestamp.fromMillis(ms) });
  validate(data); // before the first write, so a bad generator never leaves half a data set

  const pastClasses = generateDemoPastClasses(data, {
    nowMs: runStartedMs,
    timestamp: (ms) => Timestamp.fromMillis(ms),
  });
  const { accounts, matching, profiles, classes, rsvps, reviews, queues, classChats } = await withBackgroundTriggersOff(
    target.hub,
    async () => {
      const accounts = await syncAuthUsers(auth, data.accounts);
      const matching = await writeMatchingDemo(db, data.accounts, Timestamp.fromMillis(runStartedMs));
      const profiles = await writeProfiles(db, data.accounts, accounts.claimsChanged, runStartedMs);
      const classes = await writeClasses(db, data);
      const rsvps = await writeRsvps(db, data, runStartedMs);
      const reviews = await writePastClasses(db, pastClasses);
      // What the triggers would have derived from the writes above.
      const queues = await refreshAllQueues(db);
      const classChats = await syncClassChats(db, data);
      return { accounts, matching, profiles, classes, rsvps, reviews, queues, classChats };
    },
  );
  // Attendees of a class that ended are asked to rate it, as the scheduled job would.
  const prompts = await sendDueReviewPrompts(db, runStartedMs);
  // With triggers on: a handful of writes whose reactions are the demo (the match trigger tells
  // both members and takes each from the other's Discover queue, as after a real mutual like).
  const conversations = await writeConversations(db, data, runStartedMs);

  const count = (role: string) => data.accounts.filter((a) => a.role === role).length;
  console.log(`seed: target       ${describeTarget(target)}`);
  console.log(
    `seed: accounts     ${data.accounts.length} (${count("admin")} admin, ${count("instructor")} instructors, ` +
      `${count("member")} members): ${accounts.created} created, ${accounts.updated} updated, ` +
      `${data.accounts.length - accounts.created - accounts.updated} unchanged, ${accounts.claimsChanged.size} roles reset`,
  );
  console.log(`seed: profiles     ${profiles} users/{uid} with their private/settings written`);
  console.log(
    `seed: classes      ${data.classes.length} in the next ${CLASS_HORIZON_DAYS} days: ${classes.created} created, ` +
      `${classes.kept} already there (kept as they are)`,
  );
  console.log(
    `seed: rsvps        ${rsvps.joined} made through the RSVP code (an RSVP already there is kept); ` +
      `${classChats} class chat members added`,
  );
  console.log(
    `seed: reviews      ${pastClasses.length} classes that ended, ${reviews.created} created with their attendees and ` +
      `${reviews.reviews} reviews (${reviews.kept} already there, kept); ${prompts.sent} review prompts sent`,
  );
  console.log(
    `seed: matching     ${matching.preferences} match preferences and ${matching.likes} likes of ` +
      `${FIXED_LOGINS.member.email} created (existing ones kept); ${queues} Discover queues rebuilt`,
  );
  console.log(
    `seed: messages     ${conversations.created + conversations.kept} demo conversations for ${FIXED_LOGINS.member.email}: ` +
      `${conversations.created} created, ${conversations.kept} already there (kept as they are)`,
  );
  console.log(
    `seed: logins       ${Object.values(FIXED_LOGINS)
      .map((l) => l.email)
      .join(", ")} (password ${DEMO_PASSWORD})`,
  );
  console.log(`seed: done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
}

function validate(data: DemoData): void {
  const check = (what: string, result: { success: boolean; error?: Parameters<typeof formatIssues>[0] }) => {
    if (!result.success && result.error) throw new Error(`generated ${what} is invalid: ${formatIssues(result.error)}`);
  };
  for (const a of data.accounts) {
    check(paths.user(a.uid), userProfileSchema.safeParse(a.profile));
    check(paths.privateSettings(a.uid), privateSettingsSchema.safeParse(a.settings));
  }
  for (const c of data.classes) check(paths.class(c.id), classSchema.safeParse(c.data));
}

/**
 * Runs `work` with the Functions emulator's background triggers off (the emulator hub's switch),
 * and always turns them back on. Events written meanwhile are dropped, not queued: the seed writes
 * their results itself. Without a hub (emulators started some other way) triggers stay on, and the
 * demo settles as they drain.
 */
async function withBackgroundTriggersOff<T>(hub: string | undefined, work: () => Promise<T>): Promise<T> {
  const toggle = async (state: "disable" | "enable") => {
    const res = await fetch(`http://${hub}/functions/${state}BackgroundTriggers`, { method: "PUT" });
    if (!res.ok) throw new Error(`the emulator hub refused to ${state} background triggers: ${res.status}`);
  };
  if (!hub) {
    console.warn("seed: no emulator hub (FIREBASE_EMULATOR_HUB); triggers stay on while seeding.");
    return work();
  }
  await toggle("disable");
  try {
    return await work();
  } finally {
    await toggle("enable");
  }
}

const FIXED_UIDS: ReadonlySet<string> = new Set(Object.values(FIXED_LOGINS).map((l) => l.uid));

/** Has someone edited this demo user since it was seeded? */
function drifted(user: UserRecord, account: DemoAccount): boolean {
  return (
    user.email !== account.email ||
    user.displayName !== account.displayName ||
    user.disabled ||
    !user.emailVerified ||
    user.photoURL !== undefined
  );
}

function sameClaims(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (claims: Record<string, unknown>) =>
    JSON.stringify(Object.entries(claims).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/** Creates missing users, resets existing ones to their demo values, and sets role claims. */
async function syncAuthUsers(auth: Auth, accounts: readonly DemoAccount[]) {
  const existing = new Map<string, UserRecord>();
  for (const part of chunk(accounts, 100)) {
    const result = await auth.getUsers(part.map((a) => ({ uid: a.uid })));
    for (const user of result.users) existing.set(user.uid, user);
  }

  let created = 0;
  let updated = 0;
  const claimsChanged = new Set<string>();
  await mapLimit(accounts, AUTH_CONCURRENCY, async (account) => {
    const props = {
      email: account.email,
      password: account.password,
      displayName: account.displayName,
      emailVerified: true,
      disabled: false,
    };
    const current = existing.get(account.uid);
    if (!current) {
      await auth.createUser({ uid: account.uid, ...props }).catch(async (error: unknown) => {
        const code = (error as { code?: string }).code;
        // The SDK retries a request that timed out; the first attempt may have created the user.
        if (code === "auth/uid-already-exists") return auth.updateUser(account.uid, props);
        if (code === "auth/email-already-exists") {
          throw new Error(
            `${account.email} already belongs to another account (not ${account.uid}). ` +
              `Delete that account in the Auth emulator, or clear the emulator data, and seed again.`,
          );
        }
        throw error;
      });
      created++;
    } else if (FIXED_UIDS.has(account.uid) || drifted(current, account)) {
      // A password cannot be read back, so only the fixed logins get theirs reset on every run:
      // those must always work. Updating all 250 accounts each `npm start` would cost seconds.
      await auth.updateUser(account.uid, { ...props, photoURL: null });
      updated++;
    }
    // Other claims are kept; `role` is the seeded one, or absent for members (absent means member).
    const desired: Record<string, unknown> = { ...current?.customClaims };
    delete desired["role"];
    // Seeded accounts get no welcome email (notifications/accountMailStore.ts), should a trigger run.
    Object.assign(desired, account.claims, { [SEEDED_ACCOUNT_CLAIM]: true });
    if (!sameClaims(current?.customClaims ?? {}, desired)) {
      await auth.setCustomUserClaims(account.uid, Object.keys(desired).length ? desired : null);
      // Only an existing user can have a signed-in session whose token must be refreshed.
      if (current) claimsChanged.add(account.uid);
    }
  });
  return { created, updated, claimsChanged };
}

/**
 * Writes every profile and settings document in full. Timestamps that predate this run are kept,
 * so "member since" does not move on every `npm start`; anything newer was made moments ago by the
 * provisionAccount trigger reacting to our own createUser, and gets the demo value instead.
 */
async function writeProfiles(
  db: Firestore,
  accounts: readonly DemoAccount[],
  claimsChanged: ReadonlySet<string>,
  runStartedMs: number,
): Promise<number> {
  const profileRefs = accounts.map((a) => db.doc(paths.user(a.uid)));
  const settingsRefs = accounts.map((a) => db.doc(paths.privateSettings(a.uid)));
  const snapshots = await db.getAll(...profileRefs, ...settingsRefs);
  // The public cell is the cell of each member's matching point, as setMyLocation publishes it.
  const key = await matchingKey(db);
  const publicCell = (account: DemoAccount) => {
    const exact = account.settings.location;
    return exact ? publicGeohashOf(matchingPointOf(exact, account.uid, key)) : null;
  };
  const olderThanRun = (value: unknown): Timestamp | undefined =>
    value instanceof Timestamp && value.toMillis() < runStartedMs ? value : undefined;

  const now = Timestamp.fromMillis(runStartedMs);
  const writes: Write[] = accounts.flatMap((account, i): Write[] => {
    const profile = snapshots[i];
    const settings = snapshots[accounts.length + i];
    const createdAt = olderThanRun(profile?.get("createdAt")) ?? account.profile.createdAt;
    const claimsUpdatedAt = claimsChanged.has(account.uid)
      ? now
      : (olderThanRun(profile?.get("claimsUpdatedAt")) ?? null);
    const tosAcceptedAt = olderThanRun(settings?.get("tosAcceptedAt")) ?? account.settings.tosAcceptedAt;
    return [
      {
        ref: profileRefs[i] as DocumentReference,
        data: { ...account.profile, geohash: publicCell(account), createdAt, claimsUpdatedAt },
        mode: "set",
      },
      { ref: settingsRefs[i] as DocumentReference, data: { ...account.settings, tosAcceptedAt }, mode: "set" },
    ];
  });
  await commit(db, writes);
  return accounts.length;
}

async function writeClasses(db: Firestore, data: DemoData): Promise<{ created: number; kept: number }> {
  if (data.classes.length === 0) return { created: 0, kept: 0 };
  const refs = data.classes.map((c) => db.doc(paths.class(c.id)));
  const snapshots = await db.getAll(...refs);
  const writes: Write[] = data.classes.flatMap((c, i): Write[] =>
    snapshots[i]?.exists ? [] : [{ ref: refs[i] as DocumentReference, data: c.data, mode: "create" }],
  );
  await commit(db, writes);
  return { created: writes.length, kept: data.classes.length - writes.length };
}

/**
 * Through the same code as the rsvpClass callable, so seats, the waitlist and the counts are
 * exactly what members would have produced. One class at a time keeps each line's arrival order.
 */
async function writeRsvps(db: Firestore, data: DemoData, nowMs: number): Promise<{ joined: number }> {
  let joined = 0;
  await mapLimit(generateDemoRsvps(data), 4, async ({ classId, uids }) => {
    for (const uid of uids) {
      try {
        await rsvp(db, classId, uid, nowMs);
        joined += 1;
      } catch (error) {
        // A class that has started or was cancelled since an earlier seed takes no RSVPs.
        if (error instanceof DomainError && error.code === "failed-precondition") return;
        throw error;
      }
    }
  });
  return { joined };
}

/** Each seeded RSVP's member in their class chat, as the attendee trigger would have put them. */
async function syncClassChats(db: Firestore, data: DemoData): Promise<number> {
  let added = 0;
  await mapLimit(generateDemoRsvps(data), 4, async ({ classId, uids }) => {
    for (const uid of uids) if ((await syncClassChatMember(db, classId, uid)) === "added") added += 1;
  });
  return added;
}

// ---- Matching
/**
 * Discoverable demo members, and a few who already like member@numina.test. Created once and
 * then left alone: each write refreshes Discover queues, and a member's own later choices (hidden
 * from Discover, a like already answered) must survive `npm start`.
 */
async function writeMatchingDemo(db: Firestore, accounts: readonly DemoAccount[], now: Timestamp) {
  const members = accounts.filter((a) => a.role === "member");
  const wanted: Write[] = [
    ...members.map((a): Write => ({
      ref: db.doc(paths.matchPreferences(a.uid)),
      data: { ...DEMO_MATCH_PREFERENCES, updatedAt: now },
      mode: "create",
    })),
    ...demoAdmirers(accounts).map((a): Write => ({
      ref: db.doc(paths.matchAction(a.uid, FIXED_LOGINS.member.uid)),
      data: { targetUid: FIXED_LOGINS.member.uid, action: "like", createdAt: now },
      mode: "create",
    })),
  ];
  const snapshots = await db.getAll(...wanted.map((w) => w.ref));
  const writes = wanted.filter((_, i) => !snapshots[i]?.exists);
  await commit(db, writes);
  return {
    preferences: writes.filter((w) => w.ref.id === "matchPreferences").length,
    likes: writes.filter((w) => w.ref.id !== "matchPreferences").length,
  };
}

// ---- Messaging
/**
 * The demo member's conversations, created once and then left alone (they hold live history).
 * Each message is written with its delivery receipt, so the message trigger treats it as already
 * counted: the seeded unread counts and previews are the ones that stay.
 */
async function writeConversations(
  db: Firestore,
  data: DemoData,
  nowMs: number,
): Promise<{ created: number; kept: number }> {
  const conversations = generateDemoConversations(data.accounts, nowMs, (ms) => Timestamp.fromMillis(ms));
  const snapshots = conversations.length
    ? await db.getAll(...conversations.map((c) => db.doc(paths.conversation(c.id))))
    : [];
  const missing = conversations.filter((_, i) => !snapshots[i]?.exists);
  for (const c of missing) {
    const writes: Write[] = c.messages.flatMap((m): Write[] => [
      {
        ref: db.doc(paths.messageReceipt(c.id, m.id)),
        data: { senderId: m.data.senderId, counted: [], appliedAt: m.data.createdAt },
        mode: "create",
      },
      { ref: db.doc(paths.message(c.id, m.id)), data: m.data, mode: "create" },
    ]);
    for (const uid of c.data.memberIds) {
      writes.push({ ref: db.doc(paths.conversationMember(c.id, uid)), data: { uid }, mode: "create" });
    }
    // A demo conversation is a real match: both likes and the match document, as the
    // mutual-match trigger would have left them, so Matches, Discover and unmatch agree with it.
    const [a, b] = c.data.memberIds as [string, string];
    writes.push(
      {
        ref: db.doc(paths.matchAction(a, b)),
        data: { targetUid: b, action: "like", createdAt: c.data.createdAt },
        mode: "create",
      },
      {
        ref: db.doc(paths.matchAction(b, a)),
        data: { targetUid: a, action: "like", createdAt: c.data.createdAt },
        mode: "create",
      },
      {
        ref: db.doc(paths.match(c.id)),
        data: { userIds: c.data.memberIds, createdAt: c.data.createdAt, conversationId: c.id },
        mode: "create",
      },
    );
    // The conversation last: the inbox shows it only once its history is there.
    writes.push({ ref: db.doc(paths.conversation(c.id)), data: c.data, mode: "create" });
    await commit(db, writes);
  }
  return { created: missing.length, kept: conversations.length - missing.length };
}

/**
 * Classes that ended, with their checked-in attendees and reviews (scripts/lib/demoReviews.ts),
 * and the rating summaries counted from them by the trigger's own store code. A class already
 * there is kept with everything under it, so a re-seed never resets a member's own review.
 */
async function writePastClasses(db: Firestore, past: readonly DemoPastClass[]) {
  const snapshots = past.length === 0 ? [] : await db.getAll(...past.map((c) => db.doc(paths.class(c.id))));
  const missing = past.filter((_c, i) => !snapshots[i]?.exists);
  let reviews = 0;
  for (const c of missing) {
    const writes: Write[] = [];
    for (const a of c.attendees) {
      writes.push({ ref: db.doc(paths.attendee(c.id, a.uid)), data: a.row, mode: "set" });
      writes.push({ ref: db.doc(paths.attendanceRecord(a.uid, c.id)), data: a.record, mode: "set" });
    }
    for (const r of c.reviews) writes.push({ ref: db.doc(paths.review(c.id, r.uid)), data: r.review, mode: "set" });
    reviews += c.reviews.length;
    // The class last: a class that exists is one whose attendees and reviews are all there.
    writes.push({ ref: db.doc(paths.class(c.id)), data: c.data, mode: "create" });
    await commit(db, writes);
  }
  await refreshRatingSummaries(db, distinctSubjects(past.flatMap((c) => c.reviews.map((r) => r.review))));
  return { created: missing.length, kept: past.length - missing.length, reviews };
}

async function commit(db: Firestore, writes: readonly Write[]): Promise<void> {
  for (const part of chunk(writes, BATCH_LIMIT)) {
    const batch = db.batch();
    for (const w of part) {
      if (w.mode === "create") batch.create(w.ref, w.data);
      else batch.set(w.ref, w.data);
    }
    await batch.commit();
  }
}

main().catch((error: unknown) => {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
