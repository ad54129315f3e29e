import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyRsvpResponse, RsvpResponse } from "../../src/model/index.js";
import { paths } from "../../src/model/index.js";
import { promotedNotice } from "../../src/classes/notices.js";
import {
  admin,
  callError,
  closeAdmin,
  createTestUser,
  roleMirrored,
  shownMessage,
  signedInClient,
  waitForDoc,
} from "../support/emulators.js";
import {
  classCounts,
  createClass,
  notificationsOf,
  rosterOf,
  signedInMembers,
  type Client,
} from "../support/scenarios.js";

let members: (Client & { uid: string })[] = [];

const rsvp = (c: Client, classId: string) => c.call<{ classId: string }, RsvpResponse>("rsvpClass", { classId });
const cancel = (c: Client, classId: string) =>
  c.call<{ classId: string }, { left: boolean }>("cancelRsvp", { classId });
const mine = (c: Client, classId: string) => c.call<{ classId: string }, MyRsvpResponse>("getMyRsvp", { classId });

beforeAll(async () => {
  members = await signedInMembers(8);
}, 60_000);
afterAll(async () => {
  await Promise.all(members.map((m) => m.close()));
  await closeAdmin();
});

describe("rsvpClass under concurrency", () => {
  it("seats exactly `capacity` members and waitlists the rest in arrival order, with no gaps", async () => {
    const classId = await createClass({ capacity: 3 });
    const results = await Promise.all(members.map((m) => rsvp(m, classId)));

    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(3);
    const positions = results.flatMap((r) => (r.status === "waitlisted" ? [r.waitlistPosition] : []));
    expect(positions.sort((a = 0, b = 0) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(await classCounts(classId)).toEqual({ confirmedCount: 3, waitlistCount: 5 });

    const roster = await rosterOf(classId);
    expect([...roster.values()].filter((r) => r["status"] === "confirmed")).toHaveLength(3);
    // The Functions emulator starts one process per call in flight; the first burst is slow.
  }, 120_000);

  it("promotes exactly the head of the waitlist, in order, when confirmed members cancel at once", async () => {
    const classId = await createClass({ capacity: 3 });
    // Sequential joins make the expected order explicit.
    for (const m of members.slice(0, 8)) await rsvp(m, classId);
    const [a, b] = members;
    await Promise.all([cancel(a!, classId), cancel(b!, classId)]);

    const roster = await rosterOf(classId);
    const status = (i: number) => roster.get(members[i]!.uid)?.["status"];
    expect([status(0), status(1)]).toEqual(["cancelled", "cancelled"]);
    expect([status(2), status(3), status(4)]).toEqual(["confirmed", "confirmed", "confirmed"]);
    expect([status(5), status(6), status(7)]).toEqual(["waitlisted", "waitlisted", "waitlisted"]);
    expect(await classCounts(classId)).toEqual({ confirmedCount: 3, waitlistCount: 3 });

    // Each promoted member is told once, in the app and by email (their default channels);
    // nobody else is.
    for (const i of [3, 4]) {
      const uid = members[i]!.uid;
      const row = await admin.db.doc(paths.attendee(classId, uid)).get();
      const noticeId = promotedNotice(
        { classId, title: "", startsAtMs: 0, timeZone: "UTC" },
        Number(row.get("ticket")),
      ).id;
      const delivery = await waitForDoc(paths.notificationDelivery(uid, noticeId), (d) => d);
      expect(delivery).toMatchObject({ type: "waitlist_promoted", inApp: true });
      const mail = await admin.db.doc(paths.mail(String(delivery["mailId"]))).get();
      expect(mail.get("message.subject")).toMatch(/^You're in/);
      const notices = (await notificationsOf(uid)).filter(
        (n) => n.type === "waitlist_promoted" && n.data["classId"] === classId,
      );
      expect(notices).toHaveLength(1);
    }
    const unpromoted = (await notificationsOf(members[5]!.uid)).filter((n) => n.data["classId"] === classId);
    expect(unpromoted).toHaveLength(0);
    // Positions close up: the member who was 3rd in line is now 1st.
    expect(await mine(members[5]!, classId)).toEqual({ status: "waitlisted", waitlistPosition: 1 });
  });

  it("closes up waitlist positions when people ahead leave", async () => {
    const classId = await createClass({ capacity: 1 });
    for (const m of members.slice(0, 6)) await rsvp(m, classId);
    await Promise.all([cancel(members[1]!, classId), cancel(members[3]!, classId)]);
    expect(await mine(members[2]!, classId)).toEqual({ status: "waitlisted", waitlistPosition: 1 });
    expect(await mine(members[4]!, classId)).toEqual({ status: "waitlisted", waitlistPosition: 2 });
    expect(await mine(members[5]!, classId)).toEqual({ status: "waitlisted", waitlistPosition: 3 });
    expect(await classCounts(classId)).toEqual({ confirmedCount: 1, waitlistCount: 3 });
  });
});

describe("rsvpClass rules for members", () => {
  it("is harmless to repeat and to cancel twice", async () => {
    const classId = await createClass({ capacity: 1 });
    const [m, n] = members;
    expect(await rsvp(m!, classId)).toEqual({ status: "confirmed" });
    expect(await rsvp(m!, classId)).toEqual({ status: "confirmed" });
    expect(await rsvp(n!, classId)).toEqual({ status: "waitlisted", waitlistPosition: 1 });
    expect(await rsvp(n!, classId)).toEqual({ status: "waitlisted", waitlistPosition: 1 });
    expect(await classCounts(classId)).toEqual({ confirmedCount: 1, waitlistCount: 1 });
    expect(await cancel(n!, classId)).toEqual({ left: true });
    expect(await cancel(n!, classId)).toEqual({ left: false });
    expect(await classCounts(classId)).toEqual({ confirmedCount: 1, waitlistCount: 0 });
  });

  it("refuses past, started and cancelled classes with a message to show, writing nothing", async () => {
    const past = await createClass({ startsAt: admin.timestamp(Date.now() - 60_000) });
    const cancelled = await createClass({ status: "cancelled" });
    const m = members[0]!;
    const started = await callError(rsvp(m, past));
    expect(started.code).toBe("functions/failed-precondition");
    expect(shownMessage(started)).toBe("This class has already started.");
    const off = await callError(rsvp(m, cancelled));
    expect(off.code).toBe("functions/failed-precondition");
    expect(shownMessage(off)).toBe("This class was cancelled.");
    expect((await rosterOf(past)).size + (await rosterOf(cancelled)).size).toBe(0);
    expect(await classCounts(past)).toEqual({ confirmedCount: 0, waitlistCount: 0 });
  });

  it("answers not-found for an unknown class and invalid-argument for a bad payload", async () => {
    const m = members[0]!;
    expect((await callError(rsvp(m, "no-such-class"))).code).toBe("functions/not-found");
    const bad = await callError(m.call("rsvpClass", { classId: 42 }));
    expect(bad.code).toBe("functions/invalid-argument");
    expect(bad.message).toContain("classId:");
  });

  it("answers invalid-argument naming the field for an id that cannot be a document id", async () => {
    const m = members[0]!;
    const slash = await callError(rsvp(m, "a/b"));
    expect(slash.code).toBe("functions/invalid-argument");
    expect(shownMessage(slash)).toContain("classId: A document id cannot contain '/'");
    const classId = await createClass();
    const reserved = await callError(m.call("markAttendance", { classId, uid: "__x__", status: "attended" }));
    expect(reserved.code).toBe("functions/invalid-argument");
    expect(shownMessage(reserved)).toContain("uid: A document id cannot be of the form __name__");
  });
});

describe("class changes by the instructor", () => {
  it("fills new seats from the waitlist when capacity rises", async () => {
    const classId = await createClass({ capacity: 1 });
    for (const m of members.slice(0, 4)) await rsvp(m, classId);
    await admin.db.doc(paths.class(classId)).update({ capacity: 3 });
    await waitForDoc(paths.class(classId), (d) => (d?.["confirmedCount"] === 3 ? true : undefined));
    const roster = await rosterOf(classId);
    expect(members.slice(0, 4).map((m) => roster.get(m.uid)?.["status"])).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
      "waitlisted",
    ]);
  });

  it("keeps everyone's seat when capacity drops below the confirmed count", async () => {
    const classId = await createClass({ capacity: 3 });
    for (const m of members.slice(0, 4)) await rsvp(m, classId);
    await admin.db.doc(paths.class(classId)).update({ capacity: 1 });
    await cancel(members[0]!, classId); // 2 confirmed remain, still over the new capacity of 1
    expect(await classCounts(classId)).toEqual({ confirmedCount: 2, waitlistCount: 1 });
    expect(await mine(members[3]!, classId)).toEqual({ status: "waitlisted", waitlistPosition: 1 });
  });

  it("tells everyone on the roster and the waitlist, once, when the class is cancelled", async () => {
    const classId = await createClass({ capacity: 2 });
    for (const m of members.slice(0, 4)) await rsvp(m, classId);
    await cancel(members[3]!, classId); // someone who left is not told
    await admin.db.doc(paths.class(classId)).update({ status: "cancelled" });
    for (const m of members.slice(0, 3)) {
      await waitForDoc(paths.notification(m.uid, `class_cancelled-${classId}`), (d) => d);
    }
    const leaver = (await notificationsOf(members[3]!.uid)).filter((n) => n.id === `class_cancelled-${classId}`);
    expect(leaver).toHaveLength(0);
  });
});

describe("attendance", () => {
  it("lets the class's instructor check members in, recording the member's history", async () => {
    const instructor = await createTestUser({ label: "coach", role: "instructor" });
    await roleMirrored(instructor.uid, "instructor");
    const coach = await signedInClient(instructor.email, instructor.password);
    try {
      const classId = await createClass({
        instructorId: instructor.uid,
        startsAt: admin.timestamp(Date.now() + 30 * 60_000),
      });
      const [m, n] = members;
      await rsvp(m!, classId);

      // Another member (even one on the roster) cannot mark attendance.
      const denied = await callError(n!.call("markAttendance", { classId, uid: m!.uid, status: "attended" }));
      expect(denied.code).toBe("functions/permission-denied");

      await coach.call("markAttendance", { classId, uid: m!.uid, status: "attended" });
      expect((await rosterOf(classId)).get(m!.uid)?.["status"]).toBe("attended");
      const record = await admin.db.doc(paths.attendanceRecord(m!.uid, classId)).get();
      expect(record.data()).toMatchObject({ classId, status: "attended", classTitle: "Sunrise HIIT" });

      // Only members who held a seat can be checked in.
      const notBooked = await callError(coach.call("markAttendance", { classId, uid: n!.uid, status: "no_show" }));
      expect(notBooked.code).toBe("functions/failed-precondition");
    } finally {
      await coach.close();
    }
  });

  it("opens check-in only from an hour before the class", async () => {
    const instructor = await createTestUser({ label: "early-coach", role: "instructor" });
    await roleMirrored(instructor.uid, "instructor");
    const coach = await signedInClient(instructor.email, instructor.password);
    try {
      const classId = await createClass({ instructorId: instructor.uid });
      await rsvp(members[0]!, classId);
      const early = await callError(
        coach.call("markAttendance", { classId, uid: members[0]!.uid, status: "attended" }),
      );
      expect(early.code).toBe("functions/failed-precondition");
      expect(shownMessage(early)).toBe("Check-in opens an hour before the class.");
    } finally {
      await coach.close();
    }
  });
});
