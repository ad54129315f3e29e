/**
 * Demo ratings and reviews: each instructor's first upcoming class gets an earlier session of the
 * same series (`{id}-prev`, ended), checked-in attendees, and their reviews, so class cards,
 * class pages and instructor pages show ratings, and the admins' review queue has one held review.
 * The fixed member attended the fixed instructor's session yesterday and has not rated it yet: they
 * get the review prompt and can try the form. Their first match trained beside them, so the class
 * page also asks for partner feedback.
 *
 * Pure, like demoData.ts: each class draws from its own PRNG stream, and "now" is a parameter.
 * Reviews are written as the review callable would leave them; the seeder then counts the
 * summaries through the same store code the trigger uses.
 */
import {
  REVIEW_LIMITS,
  type Attendee,
  type AttendanceRecord,
  type ClassReview,
  type FitnessClass,
  type TimestampLike,
} from "../../functions/src/model/index.js";
import { demoMatchPartners } from "./demoConversations.js";
import { FIXED_LOGINS, type DemoData } from "./demoData.js";
import { Random, hashSeed } from "./random.js";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface DemoPastClass {
  id: string;
  data: FitnessClass;
  attendees: { uid: string; row: Attendee; record: AttendanceRecord }[];
  reviews: { uid: string; review: ClassReview }[];
}

const REVIEW_TEXTS: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly string[]>> = {
  5: [
    "Brilliant session, I left buzzing.",
    "Clear cues and a great playlist. Booked again.",
    "Challenging but every level was looked after.",
    "Best class I have done this year.",
    "",
  ],
  4: [
    "Really good, a little crowded at the back.",
    "Solid workout, friendly group.",
    "Loved it; the warm-up felt short.",
    "",
  ],
  3: ["Fine, but the room was too warm.", "Good instructor, the music was too loud for me.", ""],
  2: ["Started late and felt rushed."],
  1: ["Not for me, too chaotic."],
};

/** Mostly 4s and 5s, as on every fitness platform; a few lower ones so histograms have a shape. */
const RATING_WEIGHTS: readonly (readonly [1 | 2 | 3 | 4 | 5, number])[] = [
  [5, 55],
  [4, 30],
  [3, 10],
  [2, 3],
  [1, 2],
];

/** What a member wrote that the content check holds (a phone number): the admin queue's example. */
const HELD_TEXT = "Great class! Message me for a training buddy: 07700 900123";

export function generateDemoPastClasses(
  data: DemoData,
  options: { nowMs: number; timestamp: (ms: number) => TimestampLike; seed?: number },
): DemoPastClass[] {
  const seed = options.seed ?? 1;
  const ts = options.timestamp;
  const instructors = data.accounts.filter((a) => a.role === "instructor");
  const names = new Map(data.accounts.map((a) => [a.uid, a.profile.displayName]));
  const past: DemoPastClass[] = [];
  for (const instructor of instructors) {
    const upcoming = data.classes.find((c) => c.data.instructorId === instructor.uid);
    if (!upcoming) continue;
    const fixed = instructor.uid === FIXED_LOGINS.instructor.uid;
    const rng = new Random(hashSeed(seed, "past-class", upcoming.id));
    // Yesterday for the fixed instructor (inside the review prompt's look-back); for the others the
    // same weekly slot, as many weeks back as it takes to have ended.
    let startsAtMs = Math.floor((options.nowMs - DAY_MS) / HOUR_MS) * HOUR_MS;
    if (!fixed) {
      startsAtMs = upcoming.data.startsAt.toMillis() - 7 * DAY_MS;
      while (startsAtMs + upcoming.data.durationMinutes * 60_000 > options.nowMs) startsAtMs -= 7 * DAY_MS;
    }
    const id = `${upcoming.id}-prev`;
    const cls: FitnessClass = {
      ...upcoming.data,
      startsAt: ts(startsAtMs),
      // The demo names a series by its upcoming class, whose card then shows the series' rating.
      seriesId: upcoming.id,
      createdAt: ts(startsAtMs - 14 * DAY_MS),
      updatedAt: ts(startsAtMs),
    };
    const city = upcoming.data.city;
    const locals = data.accounts
      .filter((a) => a.role === "member" && a.profile.city === city && a.uid !== FIXED_LOGINS.member.uid)
      .map((a) => a.uid);
    const sampled = rng.sample(locals, Math.min(locals.length, rng.int(8, Math.min(18, cls.capacity))));
    const partner = fixed ? demoMatchPartners(data.accounts)[0]?.uid : undefined;
    const went =
      partner && locals.includes(partner) && !sampled.includes(partner) ? [partner, ...sampled.slice(1)] : sampled;
    const attendeeUids = fixed ? [FIXED_LOGINS.member.uid, ...went] : went;
    const checkedInAt = ts(startsAtMs + 5 * 60_000);
    const endsAtMs = startsAtMs + cls.durationMinutes * 60_000;
    const attendees = attendeeUids.map((uid, i) => ({
      uid,
      row: {
        uid,
        classId: id,
        status: "attended",
        ticket: i + 1,
        joinedAt: ts(startsAtMs - 3 * DAY_MS),
        updatedAt: checkedInAt,
        promotedAt: null,
        checkedInAt,
        classTitle: cls.title,
        classStartsAt: cls.startsAt,
      } satisfies Attendee,
      record: {
        classId: id,
        classTitle: cls.title,
        classStartsAt: cls.startsAt,
        status: "attended",
        markedAt: checkedInAt,
      } satisfies AttendanceRecord,
    }));
    // Most attendees rate; the fixed member is left to do it themselves.
    const raters = went.filter(() => rng.chance(0.75));
    const reviews = raters.map((uid, k) => {
      const rating = rng.weighted(RATING_WEIGHTS);
      const held = fixed && k === 0;
      const writtenMs = Math.min(options.nowMs - HOUR_MS, endsAtMs + rng.int(1, 20) * HOUR_MS);
      const review: ClassReview = {
        uid,
        classId: id,
        instructorId: cls.instructorId,
        seriesId: upcoming.id,
        classTitle: cls.title,
        classStartsAt: cls.startsAt,
        authorName: names.get(uid) ?? "A member",
        rating,
        text: held ? HELD_TEXT : rng.pick(REVIEW_TEXTS[rating]),
        status: held ? "held" : "published",
        flags: held ? ["phone"] : [],
        reply: null,
        reportCount: 0,
        needsModeration: held,
        createdAt: ts(writtenMs),
        updatedAt: ts(writtenMs),
        editableUntil: ts(writtenMs + REVIEW_LIMITS.editableDays * DAY_MS),
      };
      return { uid, review };
    });
    past.push({ id, data: cls, attendees, reviews });
  }
  return past;
}
