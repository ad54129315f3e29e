/** The scheduled jobs' bodies, run directly: the 90-day clean-up and the weekly digest. */
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { mailSchema, paths } from "../../src/model/index.js";
import { cleanUpOldNotifications, queueWeeklyDigests, weekOf } from "../../src/notifications/housekeepingStore.js";
import { isolatedFirestore } from "../support/emulators.js";
import { ALL_OFF, seedMember } from "../support/notificationScenario.js";

const { db, close } = isolatedFirestore("demo-numina-housekeeping");
afterAll(close);
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 2, 9, 0); // a Monday

const notice = (type: string, daysAgo: number, extra: Record<string, unknown> = {}) => ({
  type,
  title: `${type} title`,
  body: `${type} body`,
  data: {},
  aboutUids: [],
  read: false,
  createdAt: Timestamp.fromMillis(NOW - daysAgo * DAY),
  ...extra,
});

describe("cleanUpOldNotifications", () => {
  it("deletes notices and delivery records older than 90 days for every member, and keeps the rest", async () => {
    const [a, b] = await Promise.all([seedMember(db), seedMember(db)]);
    const batch = db.batch();
    batch.set(db.doc(paths.notification(a, "old")), notice("match", 91));
    batch.set(db.doc(paths.notification(a, "recent")), notice("match", 89));
    batch.set(db.doc(paths.notification(b, "old")), notice("class_cancelled", 200, { read: true }));
    batch.set(db.doc(paths.notificationDelivery(a, "old")), { createdAt: Timestamp.fromMillis(NOW - 91 * DAY) });
    batch.set(db.doc(paths.notificationDelivery(a, "recent")), { createdAt: Timestamp.fromMillis(NOW - DAY) });
    await batch.commit();

    const deleted = await cleanUpOldNotifications(db, NOW);

    expect(deleted.notices).toBeGreaterThanOrEqual(2);
    expect((await db.doc(paths.notification(a, "old")).get()).exists).toBe(false);
    expect((await db.doc(paths.notification(b, "old")).get()).exists).toBe(false);
    expect((await db.doc(paths.notification(a, "recent")).get()).exists).toBe(true);
    expect((await db.doc(paths.notificationDelivery(a, "old")).get()).exists).toBe(false);
    expect((await db.doc(paths.notificationDelivery(a, "recent")).get()).exists).toBe(true);
  });
});

describe("queueWeeklyDigests", () => {
  it("emails each member with unread messages a summary once a week, if they opted in to message emails", async () => {
    const optedIn = { message: { inApp: true, push: true, email: true } };
    const reader = await seedMember(db, { channels: optedIn });
    const optedOut = await seedMember(db, { channels: { message: ALL_OFF } });
    // The digest is opt-in: a member who never chose gets none.
    const neverChose = await seedMember(db);
    const allRead = await seedMember(db, { channels: optedIn });
    const batch = db.batch();
    batch.set(
      db.doc(paths.notification(reader, "message-c1")),
      notice("message", 2, { title: "Bob", body: "See you at 7?", count: 3, aboutUids: ["bob"] }),
    );
    batch.set(
      db.doc(paths.notification(reader, "message-c2")),
      notice("message", 1, { title: "Run club", body: "Who is in?", aboutUids: ["cleo"] }),
    );
    batch.set(db.doc(paths.notification(reader, "match-x")), notice("match", 1));
    batch.set(db.doc(paths.notification(optedOut, "message-c3")), notice("message", 1));
    batch.set(db.doc(paths.notification(neverChose, "message-c5")), notice("message", 1));
    batch.set(db.doc(paths.notification(allRead, "message-c4")), notice("message", 1, { read: true }));
    await batch.commit();

    await queueWeeklyDigests(db, NOW, "http://app.test");
    expect(await queueWeeklyDigests(db, NOW + DAY, "http://app.test")).toBe(0);

    const digest = mailSchema.parse((await db.doc(paths.mail(`weekly_digest-${weekOf(NOW)}-${reader}`)).get()).data());
    expect(digest.to).toBe(`${reader}@numina.test`);
    expect(digest.message.subject).toBe("You have 4 unread messages on Numina");
    expect(digest.message.text).toContain("Bob (3): See you at 7?");
    expect(digest.unsubscribe).toEqual({ uid: reader, topic: "message" });
    // Deleting Bob's or Cleo's account deletes this email too: it quotes them.
    expect([...digest.aboutUids].sort()).toEqual(["bob", "cleo"]);
    for (const uid of [optedOut, neverChose, allRead]) {
      expect((await db.doc(paths.mail(`weekly_digest-${weekOf(NOW)}-${uid}`)).get()).exists).toBe(false);
    }
  });

  it("names the week by its Monday", () => {
    expect(weekOf(Date.UTC(2025, 5, 8, 23, 0))).toBe("2025-06-02");
    expect(weekOf(NOW)).toBe("2025-06-02");
  });
});
