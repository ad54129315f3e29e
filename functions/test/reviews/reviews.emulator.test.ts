/**
 * Class reviews through the deployed path: the callables, onClassReviewWritten and the rating
 * summaries a class page, a series and an instructor's page read. Only members who were checked
 * in review, once, after the class, within the windows; a flagged review waits for a moderator;
 * a hidden review counts nowhere.
 */
import { doc, getDoc } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collections, paths, ratingSummaryId, type RatingSubject } from "../../src/model/index.js";
import { sendDueReviewPrompts } from "../../src/reviews/promptStore.js";
import { testAttendeeRow } from "../support/classFixture.js";
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
import { createClass, notificationsOf, signedInMembers, type Client } from "../support/scenarios.js";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

type Member = Client & { uid: string };
let members: Member[] = [];
let coach: Member;
let moderator: Member;
const opened: Client[] = [];

async function signedInAs(role: "instructor" | "admin", label: string): Promise<Member> {
  const user = await createTestUser({ label, role });
  await roleMirrored(user.uid, role);
  const client = await signedInClient(user.email, user.password);
  opened.push(client);
  return Object.assign(client, { uid: user.uid });
}

/** A class of the coach's that ended `endedHoursAgo` ago, with members checked in (or not). */
async function endedClass(
  roster: { member: Member; status: "attended" | "no_show" | "confirmed" }[],
  opts: { endedHoursAgo?: number; seriesId?: string } = {},
) {
  const durationMinutes = 60;
  const startsAtMs = Date.now() - (opts.endedHoursAgo ?? 2) * HOUR - durationMinutes * 60_000;
  const classId = await createClass({
    instructorId: coach.uid,
    startsAt: admin.timestamp(startsAtMs),
    durationMinutes,
    ...(opts.seriesId ? { seriesId: opts.seriesId } : {}),
  });
  for (const { member, status } of roster) {
    await admin.db.doc(paths.attendee(classId, member.uid)).set(testAttendeeRow(classId, member.uid, status));
  }
  return classId;
}

/** Resolves once the summary shows `count` published ratings; returns it. */
function summaryReaching(subject: RatingSubject, id: string, count: number) {
  return waitForDoc(paths.ratingSummary(ratingSummaryId(subject, id)), (d) =>
    d && d["count"] === count
      ? { count: d["count"] as number, sum: d["sum"] as number, histogram: d["histogram"] as number[] }
      : undefined,
  );
}

const reviewOf = async (classId: string, uid: string) => (await admin.db.doc(paths.review(classId, uid)).get()).data();

beforeAll(async () => {
  [members, coach, moderator] = await Promise.all([
    signedInMembers(3, "reviewer"),
    signedInAs("instructor", "review-coach"),
    signedInAs("admin", "review-admin"),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([...members, ...opened].map((c) => c.close()));
  await closeAdmin();
});

describe("who may review a class", () => {
  it("a checked-in member rates a class that ended; its class, series and instructor summaries count it", async () => {
    const [ann] = members;
    const classId = await endedClass([{ member: ann!, status: "attended" }], { seriesId: "series-a" });

    const answer = await ann!.call<unknown, { status: string; editableUntil: string }>("submitClassReview", {
      classId,
      rating: 4,
      text: "Tough but friendly",
    });
    expect(answer.status).toBe("published");
    expect(Date.parse(answer.editableUntil) - Date.now()).toBeGreaterThan(6 * DAY);

    expect(await summaryReaching("class", classId, 1)).toEqual({ count: 1, sum: 4, histogram: [0, 0, 0, 1, 0] });
    expect((await summaryReaching("series", "series-a", 1)).sum).toBe(4);
    const instructor = await summaryReaching("instructor", coach.uid, 1);
    expect(instructor.histogram).toEqual([0, 0, 0, 1, 0]);
  });

  it("refuses a member who booked but was not checked in, and one who was marked a no-show, and writes nothing", async () => {
    const [ann, ben] = members;
    const classId = await endedClass([
      { member: ann!, status: "confirmed" },
      { member: ben!, status: "no_show" },
    ]);
    for (const m of [ann!, ben!]) {
      const refused = await callError(m.call("submitClassReview", { classId, rating: 5 }));
      expect(refused.code).toBe("functions/permission-denied");
      expect(shownMessage(refused)).toBe("Only members who were checked in to this class can review it.");
      expect(await reviewOf(classId, m.uid)).toBeUndefined();
    }
  });

  it("refuses a review before the class has ended, and after the review window closed", async () => {
    const [ann] = members;
    const running = await endedClass([{ member: ann!, status: "attended" }], { endedHoursAgo: -0.5 });
    const early = await callError(ann!.call("submitClassReview", { classId: running, rating: 5 }));
    expect(early.code).toBe("functions/failed-precondition");
    expect(shownMessage(early)).toBe("You can review this class once it has ended.");

    const old = await endedClass([{ member: ann!, status: "attended" }], { endedHoursAgo: 31 * 24 });
    const late = await callError(ann!.call("submitClassReview", { classId: old, rating: 5 }));
    expect(shownMessage(late)).toBe("Classes can be reviewed for 30 days after they end.");
    expect(await reviewOf(old, ann!.uid)).toBeUndefined();
  });

  it("a second submission edits the one review; the summary follows the new rating", async () => {
    const [ann] = members;
    const classId = await endedClass([{ member: ann!, status: "attended" }]);
    await ann!.call("submitClassReview", { classId, rating: 5, text: "Brilliant" });
    await summaryReaching("class", classId, 1);
    await ann!.call("submitClassReview", { classId, rating: 2, text: "On reflection, too crowded" });

    const reviews = await admin.db.collection(paths.reviews(classId)).get();
    expect(reviews.docs.map((d) => d.id)).toEqual([ann!.uid]);
    expect(reviews.docs[0]!.data()["text"]).toBe("On reflection, too crowded");
    await waitForDoc(paths.ratingSummary(ratingSummaryId("class", classId)), (d) =>
      d?.["sum"] === 2 ? (d["histogram"] as number[]) : undefined,
    ).then((histogram) => expect(histogram).toEqual([0, 1, 0, 0, 0]));
  });

  it("a review is final once its edit window has passed", async () => {
    const [ann] = members;
    const classId = await endedClass([{ member: ann!, status: "attended" }]);
    await ann!.call("submitClassReview", { classId, rating: 5 });
    await admin.db.doc(paths.review(classId, ann!.uid)).update({ editableUntil: admin.timestamp(Date.now() - 1000) });

    const refused = await callError(ann!.call("submitClassReview", { classId, rating: 1 }));
    expect(shownMessage(refused)).toBe("Reviews are final 7 days after they are written.");
    expect((await reviewOf(classId, ann!.uid))?.["rating"]).toBe(5);
  });

  it("answers a bad payload with invalid-argument and the field, and writes nothing", async () => {
    const [ann] = members;
    const classId = await endedClass([{ member: ann!, status: "attended" }]);
    for (const [payload, field] of [
      [{ classId, rating: 6 }, "rating"],
      [{ classId, rating: 4.5 }, "rating"],
      [{ classId, rating: 4, text: "x".repeat(2001) }, "text"],
      [{ classId: "a/b", rating: 4 }, "classId"],
    ] as const) {
      const refused = await callError(ann!.call("submitClassReview", payload));
      expect(refused.code).toBe("functions/invalid-argument");
      expect(shownMessage(refused)).toContain(`request: ${field}: `);
    }
    expect(await reviewOf(classId, ann!.uid)).toBeUndefined();
  });
});

describe("moderation", () => {
  it("holds an abusive review out of every count until an admin keeps it, with an audit entry", async () => {
    const [ann, ben] = members;
    const classId = await endedClass([
      { member: ann!, status: "attended" },
      { member: ben!, status: "attended" },
    ]);
    await ann!.call("submitClassReview", { classId, rating: 5 });
    await summaryReaching("class", classId, 1);

    const held = await ben!.call<unknown, { status: string; flags: string[] }>("submitClassReview", {
      classId,
      rating: 1,
      text: "What a fucking joke, call me on 07700 900123",
    });
    expect(held).toMatchObject({ status: "held", flags: ["profanity", "phone"] });
    expect(await reviewOf(classId, ben!.uid)).toMatchObject({ status: "held", needsModeration: true });
    // Another member cannot see it; the summary still counts only ann's.
    const hidden = await callError(getDoc(doc(ann!.db, paths.review(classId, ben!.uid))));
    expect(hidden.code).toBe("permission-denied");
    expect((await admin.db.doc(paths.ratingSummary(ratingSummaryId("class", classId))).get()).data()?.["count"]).toBe(
      1,
    );

    await moderator.call("moderateClassReview", {
      classId,
      uid: ben!.uid,
      action: "approve",
      reason: "Venting, not abuse",
    });
    expect(await summaryReaching("class", classId, 2)).toMatchObject({ sum: 6, histogram: [1, 0, 0, 0, 1] });
    const audit = await admin.db
      .collection(collections.auditLogs)
      .where("targetUid", "==", ben!.uid)
      .where("action", "==", "review.published")
      .get();
    expect(audit.docs.map((d) => d.data()["reason"] as string)).toEqual(["Venting, not abuse"]);
  });

  it("a hidden review stops counting, and its author can no longer edit it", async () => {
    const [ann, ben] = members;
    const classId = await endedClass([
      { member: ann!, status: "attended" },
      { member: ben!, status: "attended" },
    ]);
    await ann!.call("submitClassReview", { classId, rating: 5 });
    await ben!.call("submitClassReview", { classId, rating: 1, text: "Worst instructor in London" });
    await summaryReaching("class", classId, 2);

    await moderator.call("moderateClassReview", { classId, uid: ben!.uid, action: "hide", reason: "Personal attack" });
    expect(await summaryReaching("class", classId, 1)).toEqual({ count: 1, sum: 5, histogram: [0, 0, 0, 0, 1] });
    const refused = await callError(ben!.call("submitClassReview", { classId, rating: 3 }));
    expect(shownMessage(refused)).toBe("A moderator hid your review of this class; it cannot be edited.");

    await moderator.call("moderateClassReview", { classId, uid: ann!.uid, action: "remove", reason: "Test removal" });
    expect(await summaryReaching("class", classId, 0)).toEqual({ count: 0, sum: 0, histogram: [0, 0, 0, 0, 0] });
    expect(await reviewOf(classId, ann!.uid)).toBeUndefined();
  });

  it("only admins moderate", async () => {
    const [ann, ben] = members;
    const classId = await endedClass([{ member: ann!, status: "attended" }]);
    await ann!.call("submitClassReview", { classId, rating: 2 });
    for (const who of [ben!, coach]) {
      const refused = await callError(
        who.call("moderateClassReview", { classId, uid: ann!.uid, action: "hide", reason: "x" }),
      );
      expect(refused.code).toBe("functions/permission-denied");
    }
    expect((await reviewOf(classId, ann!.uid))?.["status"]).toBe("published");
  });

  it("a report puts a published review in the queue once per reporter; nobody reports their own", async () => {
    const [ann, ben, cat] = members;
    const classId = await endedClass([{ member: ann!, status: "attended" }]);
    await ann!.call("submitClassReview", { classId, rating: 1, text: "The studio smells" });

    expect(await ben!.call("reportClassReview", { classId, uid: ann!.uid, reason: "harassment" })).toEqual({
      reported: true,
    });
    expect(await ben!.call("reportClassReview", { classId, uid: ann!.uid, reason: "spam" })).toEqual({
      reported: false,
    });
    await cat!.call("reportClassReview", { classId, uid: ann!.uid, reason: "inappropriate", details: "Rude" });
    expect(await reviewOf(classId, ann!.uid)).toMatchObject({
      reportCount: 2,
      needsModeration: true,
      status: "published",
    });

    const own = await callError(ann!.call("reportClassReview", { classId, uid: ann!.uid, reason: "spam" }));
    expect(own.code).toBe("functions/invalid-argument");

    // Keeping it takes it out of the queue; it stays published.
    await moderator.call("moderateClassReview", {
      classId,
      uid: ann!.uid,
      action: "approve",
      reason: "Fair criticism",
    });
    expect(await reviewOf(classId, ann!.uid)).toMatchObject({ needsModeration: false, status: "published" });
  });
});

describe("instructor replies", () => {
  it("the class's instructor replies once; another instructor cannot", async () => {
    const [ann] = members;
    const classId = await endedClass([{ member: ann!, status: "attended" }]);
    await ann!.call("submitClassReview", { classId, rating: 3, text: "Music too loud" });

    const other = await signedInAs("instructor", "other-coach");
    const refused = await callError(other.call("replyToClassReview", { classId, uid: ann!.uid, text: "Hi" }));
    expect(shownMessage(refused)).toBe("Only this class's instructor can reply to its reviews.");
    const member = await callError(members[1]!.call("replyToClassReview", { classId, uid: ann!.uid, text: "Hi" }));
    expect(member.code).toBe("functions/permission-denied");

    // A reply is public at once, so what the check would hold is refused, and nothing is written.
    const phone = await callError(
      coach.call("replyToClassReview", { classId, uid: ann!.uid, text: "Call me on 07700 900123" }),
    );
    expect(phone.code).toBe("functions/invalid-argument");
    expect(shownMessage(phone)).toBe("text: A reply cannot contain phone numbers.");
    expect((await reviewOf(classId, ann!.uid))?.["reply"]).toBeNull();

    await coach.call("replyToClassReview", { classId, uid: ann!.uid, text: "Thanks, we'll turn it down" });
    const twice = await callError(coach.call("replyToClassReview", { classId, uid: ann!.uid, text: "Again" }));
    expect(twice.code).toBe("functions/already-exists");
    expect((await reviewOf(classId, ann!.uid))?.["reply"]).toMatchObject({ text: "Thanks, we'll turn it down" });
  });
});

describe("the review prompt", () => {
  it("asks each checked-in member once after the class, and nobody who missed it or whose class is still on", async () => {
    const [ann, ben, cat] = members;
    const ended = await endedClass([
      { member: ann!, status: "attended" },
      { member: ben!, status: "no_show" },
    ]);
    const running = await endedClass([{ member: cat!, status: "attended" }], { endedHoursAgo: -0.25 });

    await sendDueReviewPrompts(admin.db, Date.now());
    await sendDueReviewPrompts(admin.db, Date.now() + 60_000); // the schedule fired twice

    const prompts = async (m: Member) =>
      (await notificationsOf(m.uid)).filter((n) => n.type === "review_prompt").map((n) => n.data["classId"]);
    // ann attended the earlier tests' classes too, and is asked about each of them, once.
    expect((await prompts(ann!)).filter((id) => id === ended)).toEqual([ended]);
    expect(await prompts(ben!)).not.toContain(ended);
    expect(await prompts(cat!)).not.toContain(running);
    const [notice] = (await notificationsOf(ann!.uid)).filter((n) => n.data["classId"] === ended);
    expect(notice?.title).toBe("How was Sunrise HIIT?");
  });
});
