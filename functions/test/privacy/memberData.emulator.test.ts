/**
 * A member's rights over their data, end to end on the emulators: a member with a history in every
 * feature (a match and its chat, an RSVP with a waitlist behind it, notifications, likes both ways,
 * reports both ways) exports their data and then deletes their account. The export must carry
 * every item written; after the deletion, a scan of every collection and collection group must
 * find their uid, email and name nowhere but the documented exceptions (docs/privacy.md).
 */
import { FirebaseError } from "firebase/app";
import { signInWithEmailAndPassword } from "firebase/auth";
import { doc, getDoc, getDocs, collection, query, where, orderBy } from "firebase/firestore";
import type { DocumentData, DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETED_MEMBER_ID,
  DELETION_GRACE_DAYS,
  EXPORT_FORMAT,
  collections,
  exportPartId,
  pairIdOf,
  paths,
  type DataExport,
  type RequestAccountDeletionResponse,
  type RequestDataExportResponse,
} from "../../src/model/index.js";
import { processDueAccountDeletions, runAccountDeletion } from "../../src/privacy/index.js";
import { SECOND_PASS_AFTER_MS } from "../../src/privacy/deletionStore.js";
import { admin, createTestUser, signedInClient, waitForDoc } from "../support/emulators.js";
import { putAction, putMember } from "../support/matchingScenario.js";
import { send } from "../support/messagingScenario.js";
import { createClass, type Client } from "../support/scenarios.js";

const DAY = 24 * 60 * 60_000;
const DENIED = { code: "permission-denied" };
const tag = Math.random().toString(36).slice(2, 8);
const NAME = `Dora Deletes ${tag}`;

interface Member {
  uid: string;
  email: string;
  client: Client;
}

async function member(label: string, displayName: string): Promise<Member> {
  const user = await createTestUser({ label });
  await putMember(admin.db, user.uid, { profile: { displayName } });
  await admin.db.doc(paths.privateSettings(user.uid)).set({ email: user.email }, { merge: true });
  const client = await signedInClient(user.email, user.password);
  return { uid: user.uid, email: user.email, client };
}

let dora: Member; // the member who exports and then deletes
let pat: Member; // matched with Dora; their chat must survive
let wes: Member; // waitlisted behind Dora
let rae: Member; // reports Dora, and is reported by her
let liam: Member; // liked Dora (a match action about her)
let classId: string;
let conversationId: string;
const written: Record<string, string[]> = {};

const call = <Res>(who: Member, name: string, data: object = {}) => who.client.call<object, Res>(name, data);

beforeAll(async () => {
  [dora, pat, wes, rae, liam] = await Promise.all([
    member("dora", NAME),
    member("pat", `Pat ${tag}`),
    member("wes", `Wes ${tag}`),
    member("rae", `Rae ${tag}`),
    member("liam", `Liam ${tag}`),
  ]);

  // A class with one seat: Dora has it, Wes waits behind her. It is still ahead when her deletion
  // runs (the test runs it at the end of the grace period), so her seat passes to Wes.
  classId = await createClass({
    capacity: 1,
    title: `Row ${tag}`,
    startsAt: admin.timestamp(Date.now() + (DELETION_GRACE_DAYS + 7) * DAY),
  });
  await call(dora, "rsvpClass", { classId });
  await call(wes, "rsvpClass", { classId });

  // A match, and a chat in it.
  await putAction(admin.db, dora.uid, pat.uid, "like");
  await putAction(admin.db, pat.uid, dora.uid, "like");
  await putAction(admin.db, liam.uid, dora.uid, "like");
  conversationId = pairIdOf(dora.uid, pat.uid);
  await waitForDoc(paths.conversation(conversationId), (d) => (d ? true : undefined), 20_000);
  await send({ db: dora.client.db, uid: dora.uid }, conversationId, `Hi Pat, it's ${NAME}`);
  await send({ db: pat.client.db, uid: pat.uid }, conversationId, "Hi Dora! Saturday?");
  await waitForDoc(paths.conversation(conversationId), (d) =>
    (d?.["lastMessage"] as { senderId?: string } | undefined)?.senderId === pat.uid ? true : undefined,
  );

  // Reports both ways.
  await call(rae, "reportMember", { subjectUid: dora.uid, reason: "spam", details: "Sends links" });
  await call(dora, "reportMember", { subjectUid: rae.uid, reason: "harassment", details: "Rude" });

  // Dora's match notice is in her notification centre.
  await waitForDoc(paths.match(conversationId), (d) => (d ? true : undefined));
  await waitFor(async () => (await admin.db.collection(paths.notifications(dora.uid)).get()).size > 0);

  written["messages"] = [`Hi Pat, it's ${NAME}`];
}, 120_000);

afterAll(async () => {
  await Promise.all([dora, pat, wes, rae, liam].map((m) => m?.client.close()));
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Archive {
  format: string;
  uid: string;
  sections: Record<string, { documents: { path: string; data: DocumentData }[] }>;
  summary: { documents: Record<string, number>; lines: string[] };
}

describe("the data export", () => {
  let archive: Archive;

  it("is built once asked for, and the member downloads it part by part through the rules", async () => {
    const { exportId } = await call<RequestDataExportResponse>(dora, "requestDataExport");
    const ready = await waitForDoc(
      paths.dataExport(exportId),
      (d) => (d?.["status"] === "ready" ? (d as unknown as DataExport) : undefined),
      60_000,
    );
    const texts: string[] = [];
    for (let i = 0; i < ready.partCount; i++) {
      const part = await getDoc(doc(dora.client.db, paths.dataExportPart(exportId, exportPartId(i))));
      texts.push(part.get("text") as string);
    }
    archive = JSON.parse(texts.join("")) as Archive;
    expect(archive.format).toBe(EXPORT_FORMAT);
    expect(archive.uid).toBe(dora.uid);

    // Listed by the member; nobody else reads it.
    const mine = await getDocs(
      query(
        collection(dora.client.db, collections.dataExports),
        where("uid", "==", dora.uid),
        orderBy("requestedAt", "desc"),
      ),
    );
    expect(mine.docs.map((d) => d.id)).toContain(exportId);
    await expect(getDoc(doc(pat.client.db, paths.dataExport(exportId)))).rejects.toMatchObject(DENIED);
    await expect(getDoc(doc(pat.client.db, paths.dataExportPart(exportId, exportPartId(0))))).rejects.toMatchObject(
      DENIED,
    );

    // Told in the app (and by email, on the same notice).
    await waitFor(
      async () => (await admin.db.doc(paths.notification(dora.uid, `export-ready-${exportId}`)).get()).exists,
    );
  });

  it("carries every item of the member's history", () => {
    const paths_ = (entry: string) => archive.sections[entry]?.documents.map((d) => d.path) ?? [];
    const data = (entry: string) => archive.sections[entry]?.documents.map((d) => d.data) ?? [];
    expect(data("user")[0]).toMatchObject({ displayName: NAME });
    expect(data("privateSettings")[0]).toMatchObject({ email: dora.email });
    expect(paths_("attendee")).toEqual([paths.attendee(classId, dora.uid)]);
    expect(data("attendee")[0]).toMatchObject({ status: "confirmed" });
    expect(paths_("matchAction")).toEqual([paths.matchAction(dora.uid, pat.uid)]);
    expect(paths_("match")).toEqual([paths.match(conversationId)]);
    // Their direct chat, and the class's chat they are in as a booked member.
    expect(paths_("conversation")).toEqual(
      expect.arrayContaining([paths.conversation(conversationId), paths.conversation(`class_${classId}`)]),
    );
    expect(data("message").map((m) => m["text"] as string)).toEqual(written["messages"]);
    expect(data("report")).toEqual([expect.objectContaining({ reporterId: dora.uid, subjectUid: rae.uid })]);
    expect(paths_("notification").length).toBeGreaterThan(0);
    // Not other people's data: the report about her, Liam's like of her, Pat's message.
    expect(JSON.stringify(archive)).not.toContain("Sends links");
    expect(paths_("matchAction")).not.toContain(paths.matchAction(liam.uid, dora.uid));
    expect(JSON.stringify(data("message"))).not.toContain("Saturday?");
    // Times as ISO strings.
    expect(data("attendee")[0]?.["joinedAt"]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(archive.summary.documents["message"]).toBe(1);
  });
});

describe("account deletion", () => {
  it("is refused without a recent sign-in, for anyone but the member", async () => {
    // Pat cannot cancel or read Dora's deletion.
    await expect(getDoc(doc(pat.client.db, paths.accountDeletion(dora.uid)))).rejects.toMatchObject(DENIED);
  });

  it("can be asked for, cancelled, and asked for again; the date is the grace period away", async () => {
    const before = Date.now();
    const first = await call<RequestAccountDeletionResponse>(dora, "requestAccountDeletion");
    expect(first.deleteAfterMs).toBeGreaterThanOrEqual(before + DELETION_GRACE_DAYS * DAY - 5_000);
    const seen = await getDoc(doc(dora.client.db, paths.accountDeletion(dora.uid)));
    expect(seen.get("status")).toBe("scheduled");

    expect(await call(dora, "cancelAccountDeletion")).toEqual({ cancelled: true });
    expect((await admin.db.doc(paths.accountDeletion(dora.uid)).get()).exists).toBe(false);
    // Not due: nothing happens to a cancelled deletion.
    expect(await runAccountDeletion(admin.db, admin.auth, dora.uid, Date.now() + 30 * DAY)).toBe("cancelled");

    await call(dora, "requestAccountDeletion");
    expect(await runAccountDeletion(admin.db, admin.auth, dora.uid, Date.now())).toBe("not-due");
  });

  it("after the grace period, removes the member everywhere but the documented exceptions", async () => {
    const later = Date.now() + (DELETION_GRACE_DAYS + 1) * DAY;
    const outcomes = await processDueAccountDeletions(admin.db, admin.auth, later);
    expect(outcomes.deleted).toBeGreaterThanOrEqual(1);
    expect((await admin.db.doc(paths.accountDeletion(dora.uid)).get()).get("status")).toBe("deleted");

    // Wes had the next place in line: he has Dora's seat, given in the commit that erased her RSVP.
    expect((await admin.db.doc(paths.attendee(classId, wes.uid)).get()).get("status")).toBe("confirmed");
    expect((await admin.db.doc(paths.class(classId)).get()).get("confirmedCount")).toBe(1);

    // Pat's side of the chat still works: the thread, with Dora's message emptied, by a deleted member.
    const conversation = await getDoc(doc(pat.client.db, paths.conversation(conversationId)));
    expect(conversation.get("memberIds")).toEqual(expect.arrayContaining([pat.uid, DELETED_MEMBER_ID]));
    const thread = await getDocs(collection(pat.client.db, paths.messages(conversationId)));
    const texts = thread.docs.map((m) => ({ senderId: m.get("senderId") as string, text: m.get("text") as string }));
    expect(texts).toEqual(
      expect.arrayContaining([
        { senderId: DELETED_MEMBER_ID, text: "" },
        { senderId: pat.uid, text: "Hi Dora! Saturday?" },
      ]),
    );

    // Signing in fails: the account is gone.
    await expect(admin.auth.getUser(dora.uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
    const signIn = signInWithEmailAndPassword(dora.client.auth, dora.email, "test-password-1");
    await expect(signIn).rejects.toBeInstanceOf(FirebaseError);

    // The second pass, once late writes and triggers have landed, also removes the record itself.
    await settle();
    await processDueAccountDeletions(admin.db, admin.auth, later + SECOND_PASS_AFTER_MS + 60_000);
    expect((await admin.db.doc(paths.accountDeletion(dora.uid)).get()).exists).toBe(false);

    const leftovers = (await scanEverything(admin.db)).filter((hit) => !isDocumentedException(hit));
    expect(leftovers).toEqual([]);
  }, 120_000);
});

/** Waits for the triggers Dora's deletion set off (seat promotion notices, queue rebuilds) to finish. */
async function settle() {
  let last = "";
  for (let i = 0; i < 10; i++) {
    const now = JSON.stringify((await scanEverything(admin.db)).map((h) => h.path).sort());
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

interface Hit {
  path: string;
  what: ("uid" | "email" | "name")[];
}

/** Every collection id the model's paths use, at any depth (the inventory test holds them to the rules). */
function collectionIds(): string[] {
  const ids = new Set<string>();
  for (const build of Object.values(paths) as ((...ids: string[]) => string)[]) {
    const sample = build(...Array.from({ length: build.length }, (_, k) => `id${k}`));
    sample.split("/").forEach((segment, k) => k % 2 === 0 && ids.add(segment));
  }
  return [...ids];
}

/**
 * Every document of every collection group the model has, and of every top-level collection the
 * database has, whose path or content names Dora.
 */
async function scanEverything(db: Firestore): Promise<Hit[]> {
  const groups = new Set([...collectionIds(), ...(await db.listCollections()).map((c) => c.id)]);
  const hits = new Map<string, Hit>();
  const visit = (snap: DocumentSnapshot) => {
    // The direct conversation's id is made of both uids; where the other member's data refers to
    // the chat they keep (its path, their message quota, their notices' links), it is documented.
    const text = (snap.ref.path + " " + JSON.stringify(snap.data() ?? {})).replaceAll(conversationId, "<chat>");
    const what: Hit["what"] = [];
    if (text.includes(dora.uid)) what.push("uid");
    if (text.toLowerCase().includes(dora.email.toLowerCase())) what.push("email");
    if (text.includes(NAME)) what.push("name");
    if (what.length > 0) hits.set(snap.ref.path, { path: snap.ref.path, what });
  };
  for (const group of groups) {
    for (const snap of (await db.collectionGroup(group).get()).docs) visit(snap);
  }
  return [...hits.values()];
}

/**
 * What deletion keeps, as docs/privacy.md says: audit entries and reports, with uids only, for
 * their retention periods. (The direct conversation's id is taken out before the scan matches.)
 */
function isDocumentedException(hit: Hit): boolean {
  if (hit.what.some((w) => w !== "uid")) return false;
  const top = hit.path.split("/")[0];
  return top === collections.auditLogs || top === collections.reports;
}
