/**
 * The outbox delivered over real SMTP: a loopback smtp-server receives what nodemailer sends.
 * Driven in-process against an isolated Firestore, so the emulator's own mail trigger does not race
 * the test for the same documents.
 */
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailSchema, paths, type NoticeDraft } from "../../src/model/index.js";
import { deliverToMany, mailIdFor } from "../../src/notifications/inboxStore.js";
import { MAIL_LEASE_MS } from "../../src/notifications/mailDelivery.js";
import { deliverMail, sweepOutbox, type MailConfig } from "../../src/notifications/mailStore.js";
import { verifyUnsubscribe } from "../../src/notifications/unsubscribe.js";
import { admin, isolatedFirestore } from "../support/emulators.js";
import { failingOnce, InjectedFault } from "../support/faults.js";
import { seedMember } from "../support/notificationScenario.js";
import { RecordingPushSender } from "../support/recordingPushSender.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtpServer.js";

const { db, close } = isolatedFirestore("demo-numina-mail");
let smtp: TestSmtpServer;
let config: MailConfig;
const NOW = Date.UTC(2025, 0, 15, 12, 0);
const SECRET = "mail-test-secret";
const ENDPOINT = "http://functions.test/unsubscribe";

beforeAll(async () => {
  smtp = await startSmtpServer();
  config = {
    transport: createTransport(smtp.url),
    from: "Numina <no-reply@numina.test>",
    unsubscribe: { endpoint: ENDPOINT, secret: SECRET },
    now: () => NOW,
  };
});
afterAll(async () => {
  await smtp.close();
  await close();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refuseNext(0);
});

/** A cancellation queued for one member by the real fan-out; resolves with the member and the mail id. */
async function queuedCancellation() {
  const uid = await seedMember(db);
  const classId = `spin-${Math.random().toString(36).slice(2, 8)}`;
  const notice: NoticeDraft = {
    id: `class_cancelled-${classId}`,
    type: "class_cancelled",
    title: "Cancelled: Spin & Core",
    body: "Spin & Core on Tue 4 Mar, 18:30 has been cancelled.",
    aboutUids: [],
    data: { classId },
  };
  await deliverToMany(db, [uid], notice, {
    push: new RecordingPushSender(),
    now: () => NOW,
    appUrl: "http://app.test",
  });
  return { uid, classId, mailId: mailIdFor(notice.id, uid) };
}

const mailDoc = async (id: string) => mailSchema.parse((await db.doc(paths.mail(id)).get()).data());

describe("deliverMail", () => {
  it("delivers the queued email with both parts and a working one-click unsubscribe header", async () => {
    const { uid, classId, mailId } = await queuedCancellation();

    expect(await deliverMail(db, mailId, config)).toBe("sent");

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.envelopeTo).toEqual([`${uid}@numina.test`]);
    expect(mail?.subject).toBe("Cancelled: Spin & Core");
    expect(mail?.text).toContain("Spin & Core on Tue 4 Mar, 18:30 has been cancelled.");
    expect(mail?.text).toContain(`http://app.test/classes/${classId}`);
    expect(mail?.html).toContain("Spin &amp; Core on Tue 4 Mar, 18:30 has been cancelled.");
    expect(mail?.html).toContain(`href="http://app.test/classes/${classId}"`);

    const header = mail?.headers["list-unsubscribe"] ?? "";
    expect(header).toMatch(/^<http:\/\/functions\.test\/unsubscribe\?.+>$/);
    const link = new URL(header.slice(1, -1));
    expect(verifyUnsubscribe(SECRET, Object.fromEntries(link.searchParams))).toEqual({ uid, topic: "class_cancelled" });
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail?.text).toContain(`Unsubscribe: ${link.toString()}`);

    expect((await mailDoc(mailId)).delivery).toMatchObject({
      state: "SUCCESS",
      attempts: 1,
      error: null,
      leaseExpireTime: null,
      info: { accepted: [`${uid}@numina.test`], rejected: [] },
    });
  });

  it("records an SMTP failure, retries after the backoff, and then delivers once", async () => {
    const { mailId } = await queuedCancellation();
    smtp.refuseNext(1);

    expect(await deliverMail(db, mailId, config)).toBe("failed");
    const failed = (await mailDoc(mailId)).delivery;
    expect(failed).toMatchObject({ state: "RETRY", attempts: 1 });
    expect(failed.error).toMatch(/Try again later/);
    expect(failed.nextAttemptAt?.toMillis()).toBe(NOW + 60_000);

    expect(await sweepOutbox(db, NOW + 30_000, config)).toMatchObject({ retried: 0 });
    expect((await mailDoc(mailId)).delivery.state).toBe("RETRY");
    expect(smtp.received).toHaveLength(0);

    expect(await sweepOutbox(db, NOW + 60_000, config)).toMatchObject({ sent: 1 });
    expect(await deliverMail(db, mailId, config)).toBe("skipped");
    expect(smtp.received).toHaveLength(1);
    expect((await mailDoc(mailId)).delivery).toMatchObject({ state: "SUCCESS", attempts: 2, error: null });
  });

  it("sends once when the delivery function runs twice at the same time, and again later", async () => {
    const { mailId } = await queuedCancellation();
    const outcomes = await Promise.all([deliverMail(db, mailId, config), deliverMail(db, mailId, config)]);
    expect(outcomes.sort()).toEqual(["sent", "skipped"]);
    expect(await deliverMail(db, mailId, config)).toBe("skipped");
    expect(smtp.received).toHaveLength(1);
  });

  it("never resends an attempt whose lease ran out: it becomes ERROR, with the reason", async () => {
    const { mailId } = await queuedCancellation();
    await db.doc(paths.mail(mailId)).update({
      "delivery.state": "PROCESSING",
      "delivery.attempts": 1,
      "delivery.leaseExpireTime": admin.timestamp(NOW + MAIL_LEASE_MS),
    });
    expect(await sweepOutbox(db, NOW + MAIL_LEASE_MS - 1, config)).toMatchObject({ expired: 0 });
    expect(await sweepOutbox(db, NOW + MAIL_LEASE_MS, config)).toMatchObject({ expired: 1 });
    expect(await deliverMail(db, mailId, config)).toBe("skipped");
    expect(smtp.received).toHaveLength(0);
    const { delivery } = await mailDoc(mailId);
    expect(delivery.state).toBe("ERROR");
    expect(delivery.error).toMatch(/not resent/);
  });

  it("gives up after the last attempt and says why on the document", async () => {
    const { mailId } = await queuedCancellation();
    smtp.refuseNext(5);
    await deliverMail(db, mailId, config);
    for (let hour = 1; hour <= 5; hour += 1) await sweepOutbox(db, NOW + hour * 3_600_000, config);
    const { delivery } = await mailDoc(mailId);
    expect(delivery).toMatchObject({ state: "ERROR", attempts: 5 });
    expect(delivery.error).toMatch(/Try again later/);
    expect(smtp.received).toHaveLength(0);
  });
});

describe("deliverMail failing once and delivered again (the retried trigger)", () => {
  it("sends once when the first run failed before its claim was written", async () => {
    const { mailId } = await queuedCancellation();
    const faulty = failingOnce(db, { commit: 1, when: "before" });
    await expect(deliverMail(faulty.db, mailId, config)).rejects.toThrow(InjectedFault);
    expect((await mailDoc(mailId)).delivery.state).toBe("PENDING");

    expect(await deliverMail(db, mailId, config)).toBe("sent");
    expect(await deliverMail(db, mailId, config)).toBe("skipped");
    expect(smtp.received).toHaveLength(1);
    expect((await mailDoc(mailId)).delivery).toMatchObject({ state: "SUCCESS", attempts: 1 });
  });

  it("never sends twice when the first run sent and then failed to record it", async () => {
    const { mailId } = await queuedCancellation();
    // Commit 1 is the claim; commit 2, the success, never reaches the server.
    const faulty = failingOnce(db, { commit: 2, when: "before" });
    await expect(deliverMail(faulty.db, mailId, config)).rejects.toThrow(InjectedFault);
    expect(smtp.received).toHaveLength(1);

    expect(await deliverMail(db, mailId, config)).toBe("skipped");
    expect(await sweepOutbox(db, NOW + MAIL_LEASE_MS, config)).toMatchObject({ expired: 1, sent: 0 });
    expect(await deliverMail(db, mailId, config)).toBe("skipped");
    expect(smtp.received).toHaveLength(1);
    expect((await mailDoc(mailId)).delivery.state).toBe("ERROR");
  });
});
