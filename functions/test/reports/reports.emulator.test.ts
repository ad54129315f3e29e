/**
 * Reports through the callables, as members file them: nobody can file first under the id a
 * victim's report will use, deleting a message does not escape a report, and each member's daily
 * limit refuses the next report and writes nothing.
 */
import { addDoc, collection, doc, getDoc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  collections,
  messageReportId,
  messageSchema,
  paths,
  reportSchema,
  type ReportMemberRequest,
  type ReportMessageRequest,
  type ReportResponse,
} from "../../src/model/index.js";
import { admin, callError, closeAdmin, shownMessage, waitForDoc } from "../support/emulators.js";
import { openDirect, send } from "../support/messagingScenario.js";
import { signedInMembers, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
let alice: Member;
let bob: Member;
let cara: Member;
let conversationId: string;

beforeAll(async () => {
  [alice, bob, cara] = (await signedInMembers(3)) as [Member, Member, Member];
  await Promise.all([alice, bob, cara].map((m) => waitForDoc(paths.user(m.uid), (d) => d, 60_000)));
  conversationId = await openDirect(admin.db, alice.uid, bob.uid);
}, 90_000);
beforeEach(async () => {
  await admin.db.doc(paths.limitsConfig()).delete();
});
afterAll(async () => {
  await admin.db.doc(paths.limitsConfig()).delete();
  await Promise.all([alice, bob, cara].map((m) => m?.close()));
  await closeAdmin();
});

const reportMessage = (member: Member, input: ReportMessageRequest) =>
  member.call<ReportMessageRequest, ReportResponse>("reportMessage", input);
const reportMember = (member: Member, input: ReportMemberRequest) =>
  member.call<ReportMemberRequest, ReportResponse>("reportMember", input);
const storedReport = async (id: string) => reportSchema.parse((await admin.db.doc(paths.report(id)).get()).data());
const reportsBy = async (uid: string) =>
  (await admin.db.collection(collections.reports).where("reporterId", "==", uid).get()).size;

describe("reports cannot be pre-empted", () => {
  it("refuses a member writing any report document, so the victim's report is filed under its id", async () => {
    const messageId = await send(bob, conversationId, "You will regret this");
    const victimsId = messageReportId(conversationId, messageId, alice.uid);
    const planted = {
      reporterId: bob.uid,
      subjectUid: cara.uid,
      subjectKind: "user",
      reason: "spam",
      details: "",
      conversationId: null,
      messageId: null,
      messageText: null,
      status: "open",
      createdAt: serverTimestamp(),
      reviewedBy: null,
      reviewedAt: null,
    };
    await expect(setDoc(doc(bob.db, paths.report(victimsId)), planted)).rejects.toMatchObject({
      code: "permission-denied",
    });
    await expect(addDoc(collection(bob.db, collections.reports), planted)).rejects.toMatchObject({
      code: "permission-denied",
    });

    const filed = await reportMessage(alice, { conversationId, messageId, reason: "harassment", details: "A threat" });
    expect(filed).toEqual({ reportId: victimsId, alreadyReported: false });
    expect(await storedReport(victimsId)).toMatchObject({
      reporterId: alice.uid,
      subjectUid: bob.uid,
      subjectKind: "message",
      messageText: "You will regret this",
      details: "A threat",
      status: "open",
    });
  });
});

describe("evidence survives deletion", () => {
  it("keeps a deleted message's text for moderators and files a report on it", async () => {
    const messageId = await send(bob, conversationId, "Meet me alone at the car park");
    await expect(
      updateDoc(doc(bob.db, paths.message(conversationId, messageId)), { text: "", deleted: true }),
    ).rejects.toMatchObject({ code: "permission-denied" });

    // Only the sender can delete, and someone else's message answers as missing.
    const notTheirs = await callError(alice.call("deleteMessage", { conversationId, messageId }));
    expect(notTheirs.code).toBe("functions/not-found");

    expect(await bob.call("deleteMessage", { conversationId, messageId })).toEqual({ alreadyDeleted: false });
    expect(await bob.call("deleteMessage", { conversationId, messageId })).toEqual({ alreadyDeleted: true });
    const tombstone = messageSchema.parse((await admin.db.doc(paths.message(conversationId, messageId)).get()).data());
    expect(tombstone).toMatchObject({ text: "", deleted: true });

    // The member cannot read the kept text; the report carries it.
    await expect(getDoc(doc(alice.db, paths.messageEvidence(conversationId, messageId)))).rejects.toMatchObject({
      code: "permission-denied",
    });
    const filed = await reportMessage(alice, { conversationId, messageId, reason: "safety" });
    expect((await storedReport(filed.reportId)).messageText).toBe("Meet me alone at the car park");
  });

  it("refuses reporting your own message, and a conversation you are not in", async () => {
    const messageId = await send(bob, conversationId, "hello");
    const own = await callError(reportMessage(bob, { conversationId, messageId, reason: "spam" }));
    expect(own.code).toBe("functions/invalid-argument");
    expect(shownMessage(own)).toContain("messageId:");
    const outsider = await callError(reportMessage(cara, { conversationId, messageId, reason: "spam" }));
    expect(outsider.code).toBe("functions/not-found");
  });
});

describe("reporting a member", () => {
  it("files one report per subject a day, and refuses yourself, an unknown member and a bad reason", async () => {
    const first = await reportMember(cara, { subjectUid: bob.uid, reason: "fake_profile", details: "Stock photos" });
    expect(first.alreadyReported).toBe(false);
    expect(await reportMember(cara, { subjectUid: bob.uid, reason: "spam" })).toEqual({
      reportId: first.reportId,
      alreadyReported: true,
    });
    expect(await storedReport(first.reportId)).toMatchObject({
      reporterId: cara.uid,
      subjectUid: bob.uid,
      subjectKind: "user",
      reason: "fake_profile",
      details: "Stock photos",
      messageText: null,
    });

    const self = await callError(reportMember(cara, { subjectUid: cara.uid, reason: "spam" }));
    expect(self.code).toBe("functions/invalid-argument");
    expect(shownMessage(self)).toContain("subjectUid:");
    const unknown = await callError(reportMember(cara, { subjectUid: "nobody-at-all", reason: "spam" }));
    expect(unknown.code).toBe("functions/not-found");
    const reason = await callError(cara.call("reportMember", { subjectUid: bob.uid, reason: "boring" }));
    expect(reason.code).toBe("functions/invalid-argument");
    expect(shownMessage(reason)).toContain("reason");
  });
});

describe("the daily report limit", () => {
  it("files N reports, refuses the N+1th with resource-exhausted, and writes nothing", async () => {
    const members = await signedInMembers(4, "reporter");
    const [reporter, ...subjects] = members as [Member, Member, Member, Member];
    try {
      await Promise.all(subjects.map((m) => waitForDoc(paths.user(m.uid), (d) => d, 60_000)));
      await admin.db.doc(paths.limitsConfig()).set({ rates: { report: { max: 2, windowMinutes: 24 * 60 } } });
      await reportMember(reporter, { subjectUid: subjects[0].uid, reason: "spam" });
      await reportMember(reporter, { subjectUid: subjects[1].uid, reason: "spam" });

      const refused = await callError(reportMember(reporter, { subjectUid: subjects[2].uid, reason: "spam" }));
      expect(refused.code).toBe("functions/resource-exhausted");
      expect(shownMessage(refused)).toMatch(/limit of 2 reports a day/);
      expect(await reportsBy(reporter.uid)).toBe(2);

      // Asking again about a report already filed is not a new report: it is answered, not counted.
      const again = await reportMember(reporter, { subjectUid: subjects[0].uid, reason: "spam" });
      expect(again.alreadyReported).toBe(true);
    } finally {
      await Promise.all(members.map((m) => m.close()));
    }
  });
});
