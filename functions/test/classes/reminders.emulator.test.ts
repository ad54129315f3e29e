import { afterAll, describe, expect, it } from "vitest";
import { sendDueReminders } from "../../src/classes/reminderStore.js";
import { paths } from "../../src/model/index.js";
import { testAttendeeRow } from "../support/classFixture.js";
import { admin, closeAdmin } from "../support/emulators.js";
import { createClass, notificationsOf, uniqueId } from "../support/scenarios.js";

afterAll(closeAdmin);

const HOUR = 60 * 60 * 1000;

async function addAttendee(classId: string, status: "confirmed" | "waitlisted" | "cancelled") {
  const uid = `reminded-${uniqueId()}`;
  await admin.db.doc(paths.attendee(classId, uid)).set(testAttendeeRow(classId, uid, status));
  return uid;
}

const remindersFor = async (uid: string, classId: string) =>
  (await notificationsOf(uid)).filter((n) => n.type === "class_reminder" && n.data["classId"] === classId);

describe("class reminders (the scheduled job's body)", () => {
  it("reminds confirmed attendees once a day ahead and once an hour ahead, however often it runs", async () => {
    const now = Date.now();
    const classId = await createClass({ startsAt: admin.timestamp(now + 20 * HOUR) });
    const confirmed = await addAttendee(classId, "confirmed");
    const waiting = await addAttendee(classId, "waitlisted");
    const gone = await addAttendee(classId, "cancelled");

    await sendDueReminders(admin.db, now);
    await sendDueReminders(admin.db, now + 60_000); // the schedule fired twice
    expect((await remindersFor(confirmed, classId)).map((n) => n.id)).toEqual([`class_reminder-24h-${classId}`]);
    expect(await remindersFor(waiting, classId)).toHaveLength(0);
    expect(await remindersFor(gone, classId)).toHaveLength(0);

    // Nineteen and a half hours later: inside the last hour.
    await sendDueReminders(admin.db, now + 19.5 * HOUR);
    await sendDueReminders(admin.db, now + 19.6 * HOUR);
    expect((await remindersFor(confirmed, classId)).map((n) => n.id).sort()).toEqual([
      `class_reminder-1h-${classId}`,
      `class_reminder-24h-${classId}`,
    ]);
  });

  it("sends nothing for a cancelled class", async () => {
    const now = Date.now();
    const classId = await createClass({ startsAt: admin.timestamp(now + 2 * HOUR), status: "cancelled" });
    const confirmed = await addAttendee(classId, "confirmed");
    await sendDueReminders(admin.db, now);
    expect(await remindersFor(confirmed, classId)).toHaveLength(0);
  });
});
