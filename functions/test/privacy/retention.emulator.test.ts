/**
 * The retention job (privacy/retentionStore.ts) against the emulator, in-process on an isolated
 * Firestore (no triggers there, so an outbox email is not picked up by the mail sender): what is
 * past its period goes, what is not stays, and a repeated run deletes nothing more.
 */
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  paths,
  type AuditLog,
  type DataExport,
  type DataExportPart,
  type Mail,
  type MessageReceipt,
  type Report,
} from "../../src/model/index.js";
import { RETENTION_POLICIES, type RetentionPolicy } from "../../src/privacy/retention.js";
import { applyRetention } from "../../src/privacy/retentionStore.js";
import { isolatedFirestore } from "../support/emulators.js";

const { db, close } = isolatedFirestore("demo-numina-retention");
afterAll(close);

const DAY = 24 * 60 * 60_000;
const NOW = Date.now();
/** A day past the policy's period, or a day inside it. */
const expired = (policy: RetentionPolicy) => Timestamp.fromMillis(NOW - (RETENTION_POLICIES[policy].days + 1) * DAY);
const recent = (policy: RetentionPolicy) => Timestamp.fromMillis(NOW - (RETENTION_POLICIES[policy].days - 1) * DAY);

function mail(state: Mail["delivery"]["state"], createdAt: Timestamp): Mail {
  return {
    to: "member@numina.test",
    message: { subject: "Your seat is confirmed", text: "See you there.", html: "<p>See you there.</p>" },
    headers: {},
    kind: "waitlist_promoted",
    uid: "member-1",
    unsubscribe: null,
    aboutUids: [],
    delivery: {
      state,
      attempts: 1,
      startTime: createdAt,
      endTime: state === "SUCCESS" || state === "ERROR" ? createdAt : null,
      leaseExpireTime: null,
      nextAttemptAt: null,
      error: state === "ERROR" ? "mailbox unavailable" : null,
      info: null,
    },
    createdAt,
  };
}

function report(status: Report["status"], reviewedAt: Timestamp | null): Report {
  return {
    reporterId: "member-1",
    subjectUid: "member-2",
    subjectKind: "user",
    reason: "spam",
    details: "",
    conversationId: null,
    messageId: null,
    messageText: null,
    activityId: null,
    commentId: null,
    commentText: null,
    status,
    createdAt: Timestamp.fromMillis(NOW - 800 * DAY),
    reviewedBy: reviewedAt ? "admin-1" : null,
    reviewedAt,
  };
}

const auditLog = (at: Timestamp): AuditLog => ({
  action: "role.set",
  actorUid: "admin-1",
  actorLabel: "admin@numina.test",
  targetUid: "member-1",
  before: { role: "member" },
  after: { role: "instructor" },
  reason: null,
  reportId: null,
  at,
});

const receipt = (appliedAt: Timestamp): MessageReceipt => ({ senderId: "member-1", appliedAt });

/** An export requested `policy`'s period ago, plus or minus a day: it expires when that period ends. */
function dataExport(requestedAt: Timestamp): DataExport {
  const expiresAtMs = requestedAt.toMillis() + RETENTION_POLICIES.dataExports.days * DAY;
  return {
    uid: "member-1",
    status: "ready",
    requestedAt,
    readyAt: requestedAt,
    expiresAt: Timestamp.fromMillis(expiresAtMs),
    partCount: 1,
    size: 2,
    counts: {},
    error: null,
  };
}
const exportPart = (of: DataExport): DataExportPart => ({ uid: of.uid, index: 0, text: "{}", expiresAt: of.expiresAt });
const expiredExport = dataExport(expired("dataExports"));
const currentExport = dataExport(recent("dataExports"));

const DOCS: Record<string, object> = {
  [paths.mail("sent-long-ago")]: mail("SUCCESS", expired("deliveredMail")),
  [paths.mail("failed-long-ago")]: mail("ERROR", expired("deliveredMail")),
  [paths.mail("still-retrying")]: mail("RETRY", expired("deliveredMail")),
  [paths.mail("sent-last-week")]: mail("SUCCESS", recent("deliveredMail")),
  [paths.report("dismissed-long-ago")]: report("dismissed", expired("closedReports")),
  [paths.report("actioned-recently")]: report("actioned", recent("closedReports")),
  [paths.report("still-open")]: report("open", null),
  [paths.auditLog("seven-years-ago")]: auditLog(expired("auditLogs")),
  [paths.auditLog("last-year")]: auditLog(recent("auditLogs")),
  [paths.messageReceipt("chat-1", "old")]: receipt(expired("messageReceipts")),
  [paths.messageReceipt("chat-2", "new")]: receipt(recent("messageReceipts")),
  [paths.dataExport("expired")]: expiredExport,
  [paths.dataExportPart("expired", "00000")]: exportPart(expiredExport),
  [paths.dataExport("current")]: currentExport,
  [paths.dataExportPart("current", "00000")]: exportPart(currentExport),
};
const GONE = [
  paths.mail("sent-long-ago"),
  paths.mail("failed-long-ago"),
  paths.report("dismissed-long-ago"),
  paths.auditLog("seven-years-ago"),
  paths.messageReceipt("chat-1", "old"),
  paths.dataExport("expired"),
  paths.dataExportPart("expired", "00000"),
];

beforeAll(async () => {
  const batch = db.batch();
  for (const [path, data] of Object.entries(DOCS)) batch.set(db.doc(path), data);
  await batch.commit();
});

const exists = async (path: string) => (await db.doc(path).get()).exists;

describe("applyRetention", () => {
  it("deletes what is past its period and keeps the rest, open and retrying ones however old", async () => {
    expect(await applyRetention(db, NOW)).toEqual({
      deliveredMail: 2,
      closedReports: 1,
      auditLogs: 1,
      dataExports: 1,
      messageReceipts: 1,
    });
    for (const path of Object.keys(DOCS)) expect(await exists(path), path).toBe(!GONE.includes(path));
  });

  it("deletes nothing more when it runs again", async () => {
    expect(await applyRetention(db, NOW)).toEqual({
      deliveredMail: 0,
      closedReports: 0,
      auditLogs: 0,
      dataExports: 0,
      messageReceipts: 0,
    });
  });
});
