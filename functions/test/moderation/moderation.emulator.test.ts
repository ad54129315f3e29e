/**
 * Moderation end to end through the callables: an admin acts on a report, the member is refused
 * on every path (callables, messages, conversations) with the reason and how to appeal, Discover
 * drops them, and every action is in the audit log with its moderator and reason.
 */
import { collection, doc, getDoc, getDocs, serverTimestamp } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liftExpiredSuspensions } from "../../src/moderation/moderationStore.js";
import {
  APPEALS_EMAIL,
  auditLogSchema,
  collections,
  messageEvidenceSchema,
  messageSchema,
  moderationSchema,
  paths,
  reportSchema,
  userProfileSchema,
  type ModerateMemberRequest,
  type ReportResponse,
} from "../../src/model/index.js";
import { sendCounted } from "../support/countedMessage.js";
import {
  admin,
  callError,
  closeAdmin,
  createTestUser,
  shownMessage,
  signedInClient,
  waitForDoc,
} from "../support/emulators.js";
import { openDirect, send } from "../support/messagingScenario.js";
import { createClass, signedInMembers, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
let alice: Member;
let bob: Member;
let ada: Member;
let conversationId: string;

beforeAll(async () => {
  [alice, bob] = (await signedInMembers(2)) as [Member, Member];
  const adaUser = await createTestUser({ role: "admin", label: "ada" });
  ada = Object.assign(await signedInClient(adaUser.email, adaUser.password), { uid: adaUser.uid });
  await Promise.all([alice, bob, ada].map((m) => waitForDoc(paths.user(m.uid), (d) => d, 60_000)));
  conversationId = await openDirect(admin.db, alice.uid, bob.uid);
}, 90_000);
afterAll(async () => {
  await Promise.all([alice, bob, ada].map((m) => m?.close()));
  await closeAdmin();
});

const moderate = (by: Member, request: ModerateMemberRequest) => by.call("moderateMember", request);
const read = async <T>(path: string, parse: (d: unknown) => T) => parse((await admin.db.doc(path).get()).data());
const auditFor = async (uid: string) =>
  (await admin.db.collection(collections.auditLogs).where("targetUid", "==", uid).get()).docs.map((d) =>
    auditLogSchema.parse(d.data()),
  );

async function reportOf(text: string): Promise<{ reportId: string; messageId: string }> {
  const messageId = await send(bob, conversationId, text);
  const { reportId } = await alice.call<object, ReportResponse>("reportMessage", {
    conversationId,
    messageId,
    reason: "harassment",
  });
  return { reportId, messageId };
}

describe("moderation actions", () => {
  it("only admins moderate; bad input names the field; admins and yourself cannot be suspended", async () => {
    const byMember = await callError(moderate(alice, { action: "ban", uid: bob.uid, reason: "spam" }));
    expect(byMember.code).toBe("functions/permission-denied");
    const noDays = await callError(ada.call("moderateMember", { action: "suspend", uid: bob.uid, reason: "x" }));
    expect(noDays.code).toBe("functions/invalid-argument");
    expect(shownMessage(noDays)).toContain("days");
    const self = await callError(moderate(ada, { action: "ban", uid: ada.uid, reason: "oops" }));
    expect(self.code).toBe("functions/invalid-argument");
    expect(await read(paths.moderation(bob.uid), (d) => d)).toBeUndefined();
  });

  it("takes a reported message down for both sides, keeping the text, and closes the report", async () => {
    const { reportId, messageId } = await reportOf("You'd better watch out");
    const removed = await ada.call("takeDownMessage", { reportId, reason: "Threatening" });
    expect(removed).toEqual({ removed: true });

    const message = await read(paths.message(conversationId, messageId), (d) => messageSchema.parse(d));
    expect(message).toMatchObject({ text: "", deleted: true, removedByModerator: true });
    const evidence = await read(paths.messageEvidence(conversationId, messageId), (d) =>
      messageEvidenceSchema.parse(d),
    );
    expect(evidence.text).toBe("You'd better watch out");
    const report = await read(paths.report(reportId), (d) => reportSchema.parse(d));
    expect(report).toMatchObject({ status: "actioned", reviewedBy: ada.uid });
    expect((await auditFor(bob.uid)).find((e) => e.reportId === reportId)).toMatchObject({
      action: "message.taken_down",
      actorUid: ada.uid,
      reason: "Threatening",
    });
    // A closed report cannot be acted on twice.
    const again = await callError(ada.call("dismissReport", { reportId, reason: "late" }));
    expect(again.code).toBe("functions/failed-precondition");
  });

  it("dismisses a report with a reason in the audit log", async () => {
    const { reportId } = await reportOf("Fine, whatever");
    await ada.call("dismissReport", { reportId, reason: "Not abusive" });
    expect((await read(paths.report(reportId), (d) => reportSchema.parse(d))).status).toBe("dismissed");
    expect((await auditFor(bob.uid)).find((e) => e.reportId === reportId)).toMatchObject({
      action: "report.dismissed",
      reason: "Not abusive",
    });
  });
});

describe("a suspension, enforced on every path", () => {
  it("suspends from a report; the member is refused everywhere with the reason; reinstating lets them back", async () => {
    const { reportId } = await reportOf("Nobody will help you");
    const result = await moderate(ada, { action: "suspend", uid: bob.uid, days: 7, reason: "Harassment", reportId });
    expect(result).toMatchObject({ standing: "suspended" });

    const standing = await read(paths.moderation(bob.uid), (d) => moderationSchema.parse(d));
    expect(standing).toMatchObject({ standing: "suspended", reason: "Harassment" });
    // The member reads this document: it names neither the moderator nor the report (whose id
    // names the reporter).
    const readable = (await admin.db.doc(paths.moderation(bob.uid)).get()).data() ?? {};
    expect(Object.keys(readable).sort()).toEqual(["reason", "standing", "until", "updatedAt"]);
    expect(JSON.stringify(readable)).not.toContain(alice.uid);
    expect(JSON.stringify(readable)).not.toContain(ada.uid);
    expect(standing.until!.toMillis()).toBeGreaterThan(Date.now() + 6.9 * 24 * 3600_000);
    expect((await read(paths.user(bob.uid), (d) => userProfileSchema.parse(d))).disabled).toBe(true);
    expect((await read(paths.report(reportId), (d) => reportSchema.parse(d))).status).toBe("actioned");
    expect((await auditFor(bob.uid)).find((e) => e.action === "member.suspended")).toMatchObject({
      actorUid: ada.uid,
      reason: "Harassment",
      reportId,
      after: { standing: "suspended" },
    });

    // Callables: Discover, RSVPs, reports, deleting messages.
    const classId = await createClass({});
    for (const [name, data] of [
      ["getPartnerMatches", {}],
      ["rsvpClass", { classId }],
      ["reportMember", { subjectUid: alice.uid, reason: "spam" }],
      ["deleteMessage", { conversationId, messageId: "any" }],
    ] as const) {
      const refused = await callError(bob.call(name, data));
      expect(refused.code, name).toBe("functions/permission-denied");
      expect(shownMessage(refused), name).toContain("suspended until");
      expect(shownMessage(refused), name).toContain("Harassment");
      expect(shownMessage(refused), name).toContain(APPEALS_EMAIL);
    }
    // Messaging, under the rules.
    const sent = sendCounted(bob.db, bob.uid, conversationId, "while-suspended", {
      senderId: bob.uid,
      text: "let me explain",
      createdAt: serverTimestamp(),
    });
    await expect(sent).rejects.toMatchObject({ code: "permission-denied" });
    await expect(getDocs(collection(bob.db, paths.messages(conversationId)))).rejects.toMatchObject({
      code: "permission-denied",
    });
    // The member reads their own standing (the suspension screen).
    expect((await getDoc(doc(bob.db, paths.moderation(bob.uid)))).get("reason")).toBe("Harassment");

    await moderate(ada, { action: "reinstate", uid: bob.uid, reason: "Appeal upheld" });
    expect((await read(paths.user(bob.uid), (d) => userProfileSchema.parse(d))).disabled).toBe(false);
    await expect(getDocs(collection(bob.db, paths.messages(conversationId)))).resolves.toBeDefined();
    await expect(bob.call("reportMember", { subjectUid: alice.uid, reason: "spam" })).resolves.toMatchObject({
      alreadyReported: false,
    });
  });

  it("bans without an end; a sweep after a suspension's end lifts it and says so", async () => {
    const [carl, dina] = (await signedInMembers(2, "moderated")) as [Member, Member];
    try {
      await Promise.all([carl, dina].map((m) => waitForDoc(paths.user(m.uid), (d) => d, 60_000)));
      await moderate(ada, { action: "ban", uid: carl.uid, reason: "Spam account" });
      const banned = await callError(carl.call("getPartnerMatches", {}));
      expect(shownMessage(banned)).toContain("banned");

      await moderate(ada, { action: "suspend", uid: dina.uid, days: 1, reason: "Cool off" });
      expect(await liftExpiredSuspensions(admin.db, Date.now() + 60_000)).toBe(0);
      expect(await liftExpiredSuspensions(admin.db, Date.now() + 2 * 24 * 3600_000)).toBeGreaterThanOrEqual(1);
      expect((await read(paths.moderation(dina.uid), (d) => moderationSchema.parse(d))).standing).toBe("active");
      expect((await read(paths.user(dina.uid), (d) => userProfileSchema.parse(d))).disabled).toBe(false);
      expect((await auditFor(dina.uid)).map((e) => e.action).sort()).toEqual(["member.reinstated", "member.suspended"]);
      // The ban is not lifted by the sweep.
      expect((await read(paths.moderation(carl.uid), (d) => moderationSchema.parse(d))).standing).toBe("banned");
    } finally {
      await Promise.all([carl, dina].map((m) => m.close()));
    }
  });
});
