/**
 * Rating summaries stay exact under load: a burst of concurrent ratings, edits, hides and
 * deletions, each change's refresh delivered twice and out of order, by several function
 * instances at once. Driven in process against isolated Firestores of one project (no triggers
 * fire there), because the Functions emulator cannot run hundreds of calls in flight on this
 * machine; the deployed path is in reviews.emulator.test.ts and `npm run bench`.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Timestamp } from "firebase-admin/firestore";
import { paths, ratingSummaryId, type ClassReview, type RatingSubject } from "../../src/model/index.js";
import { submitReview } from "../../src/reviews/reviewStore.js";
import { distinctSubjects, refreshRatingSummaries } from "../../src/reviews/summaryStore.js";
import { testAttendeeRow, testClassDoc } from "../support/classFixture.js";
import { isolatedFirestore } from "../support/emulators.js";
import { uniqueId } from "../support/scenarios.js";

const PROJECT = "demo-numina-review-summaries";
/** Two function instances: each has its own coalescer, so they race each other for real. */
const instances = [isolatedFirestore(PROJECT), isolatedFirestore(PROJECT)];
const { db } = instances[0]!;
afterAll(() => Promise.all(instances.map((i) => i.close())));

function review(classId: string, seriesId: string, instructorId: string, uid: string, rating: number): ClassReview {
  const now = Timestamp.now();
  return {
    uid,
    classId,
    instructorId,
    seriesId,
    classTitle: "Spin",
    classStartsAt: now,
    authorName: uid,
    rating,
    text: "",
    status: "published",
    flags: [],
    reply: null,
    reportCount: 0,
    needsModeration: false,
    createdAt: now,
    updatedAt: now,
    editableUntil: now,
  };
}

async function summaryOf(subject: RatingSubject, id: string) {
  const data = (await db.doc(paths.ratingSummary(ratingSummaryId(subject, id))).get()).data();
  return (
    data && { count: data["count"] as number, sum: data["sum"] as number, histogram: data["histogram"] as number[] }
  );
}

/** What the summary must say: counted by hand from the reviews as they finally are. */
function expected(final: Map<string, ClassReview>) {
  const histogram = [0, 0, 0, 0, 0];
  for (const r of final.values()) if (r.status === "published") histogram[r.rating - 1]! += 1;
  return {
    count: histogram.reduce((a, b) => a + b, 0),
    sum: histogram.reduce((a, n, i) => a + n * (i + 1), 0),
    histogram,
  };
}

const shuffled = <T>(items: T[]) =>
  items
    .map((item) => ({ item, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

describe("the review write limit", () => {
  it("stops a member who edits a review in a loop, and keeps the last accepted edit", async () => {
    const classId = `limited-${uniqueId()}`;
    const startsAt = Timestamp.fromMillis(Date.now() - 3 * 3600_000);
    await db.doc(paths.class(classId)).set(testClassDoc({ startsAt, durationMinutes: 60 }));
    await db.doc(paths.attendee(classId, "looper")).set(testAttendeeRow(classId, "looper", "attended"));
    await db.doc(paths.limitsConfig()).set({ rates: { reviewWrite: { max: 2, windowMinutes: 60 } } });
    try {
      await submitReview(db, "looper", { classId, rating: 5, text: "" }, Date.now());
      await submitReview(db, "looper", { classId, rating: 4, text: "" }, Date.now());
      await expect(submitReview(db, "looper", { classId, rating: 1, text: "" }, Date.now())).rejects.toMatchObject({
        code: "resource-exhausted",
      });
      expect((await db.doc(paths.review(classId, "looper")).get()).data()?.["rating"]).toBe(4);
    } finally {
      await db.doc(paths.limitsConfig()).delete();
    }
  });
});

describe("rating summaries under a burst", () => {
  it("are exact after 200 concurrent ratings, edits, hides and deletions, with every refresh delivered twice", async () => {
    const run = uniqueId();
    const [classA, classB, series, coach] = ["a", "b", "series", "coach"].map((k) => `${k}-${run}`) as [
      string,
      string,
      string,
      string,
    ];
    const final = new Map<string, ClassReview>();
    const changes: { path: string; write: () => Promise<unknown>; subjects: ReturnType<typeof distinctSubjects> }[] =
      [];
    for (let i = 0; i < 200; i++) {
      const classId = i % 2 === 0 ? classA : classB;
      const uid = `m${i}`;
      const first = review(classId, series, coach, uid, (i % 5) + 1);
      const path = paths.review(classId, uid);
      final.set(path, first);
      changes.push({ path, write: () => db.doc(path).set(first), subjects: distinctSubjects([first]) });
    }

    // Every change lands at once; its refresh runs twice, on either instance, in any order.
    const refreshTwice = (subjects: ReturnType<typeof distinctSubjects>) =>
      Promise.all(shuffled([0, 1]).map((k) => refreshRatingSummaries(instances[k]!.db, subjects)));
    await Promise.all(changes.map(async (c) => (await c.write(), refreshTwice(c.subjects))));

    // Then a second wave over the same reviews: a third edited, a tenth hidden, a tenth deleted.
    const second = [...final.entries()].flatMap(([path, r], i) => {
      if (i % 10 === 0) {
        final.delete(path);
        return [{ write: () => db.doc(path).delete(), subjects: distinctSubjects([r]) }];
      }
      if (i % 10 === 1) {
        final.set(path, { ...r, status: "hidden" });
        return [{ write: () => db.doc(path).update({ status: "hidden" }), subjects: distinctSubjects([r]) }];
      }
      if (i % 3 === 0) {
        const rating = 6 - r.rating;
        final.set(path, { ...r, rating });
        return [{ write: () => db.doc(path).update({ rating }), subjects: distinctSubjects([r]) }];
      }
      return [];
    });
    await Promise.all(shuffled(second).map(async (c) => (await c.write(), refreshTwice(c.subjects))));

    const ofClass = (classId: string) => new Map([...final].filter(([, r]) => r.classId === classId));
    expect(await summaryOf("class", classA)).toEqual(expected(ofClass(classA)));
    expect(await summaryOf("class", classB)).toEqual(expected(ofClass(classB)));
    expect(await summaryOf("series", series)).toEqual(expected(final));
    expect(await summaryOf("instructor", coach)).toEqual(expected(final));
    expect(expected(final).count).toBe(160);
  });

  it("a late redelivery of an old event changes nothing: the counts come from the reviews", async () => {
    const run = uniqueId();
    const first = review(`c-${run}`, `s-${run}`, `i-${run}`, "m1", 5);
    const path = paths.review(first.classId, "m1");
    await db.doc(path).set(first);
    await refreshRatingSummaries(db, distinctSubjects([first]));
    await db.doc(path).update({ rating: 2 });
    await refreshRatingSummaries(db, distinctSubjects([first]));
    // The create event, delivered again after the edit.
    await refreshRatingSummaries(instances[1]!.db, distinctSubjects([first]));
    expect(await summaryOf("class", first.classId)).toEqual({ count: 1, sum: 2, histogram: [0, 1, 0, 0, 0] });
  });
});
