import { describe, expect, it } from "vitest";
import { ratingFactor, scoreClass, slotOf, type RecommendableClass } from "../../src/matching/classRecommendations.js";
import { matchNotice, superLikeNotice } from "../../src/matching/notices.js";
import { bayesianAverage, classTimeZone, RATING_PRIOR } from "../../src/model/index.js";

const LONDON = { lat: 51.5072, lng: -0.1276 };
/** Tuesday 3 March 2026, 18:30 in London. */
const TUESDAY_EVENING = Date.UTC(2026, 2, 3, 18, 30);

function yoga(overrides: Partial<RecommendableClass> = {}): RecommendableClass {
  return {
    classId: "c1",
    title: "Evening flow",
    tags: ["yoga"],
    level: "intermediate",
    startsAtMs: TUESDAY_EVENING,
    timeZone: "Europe/London",
    venue: LONDON,
    capacity: 20,
    confirmedCount: 2,
    rating: null,
    ...overrides,
  };
}
const member = {
  fitnessLevel: "intermediate" as const,
  interests: ["yoga"],
  availability: ["tue:evening"],
  location: LONDON,
};

describe("class recommendations", () => {
  it("reads the weekly slot in the class's own time zone", () => {
    expect(slotOf(TUESDAY_EVENING, "Europe/London")).toBe("tue:evening");
    expect(slotOf(Date.UTC(2026, 2, 3, 23, 30), "Europe/Berlin")).toBe("wed:morning");
    expect(slotOf(Date.UTC(2026, 2, 3, 18, 30), "Europe/Lisbon")).toBe("tue:evening");
  });

  it("reads the slot on the local clock on the Sundays the clocks change", () => {
    // 29 March 2026: Berlin goes from CET (+1) to CEST (+2) at 02:00, London and Lisbon at 01:00.
    expect(slotOf(Date.UTC(2026, 2, 29, 5, 30), "Europe/Berlin")).toBe("sun:morning"); // 07:30 CEST
    expect(slotOf(Date.UTC(2026, 2, 29, 6, 30), "Europe/London")).toBe("sun:morning"); // 07:30 BST
    // Read with the offset from before the change these would be 16:30 (afternoon) and Sunday.
    expect(slotOf(Date.UTC(2026, 2, 29, 15, 30), "Europe/Berlin")).toBe("sun:evening"); // 17:30 CEST
    expect(slotOf(Date.UTC(2026, 2, 29, 22, 30), "Europe/Berlin")).toBe("mon:morning"); // 00:30 CEST
    // 25 October 2026: back to CET and GMT; 07:30 is after the repeated hour.
    expect(slotOf(Date.UTC(2026, 9, 25, 6, 30), "Europe/Berlin")).toBe("sun:morning"); // 07:30 CET
    expect(slotOf(Date.UTC(2026, 9, 25, 7, 30), "Europe/London")).toBe("sun:morning"); // 07:30 GMT
    expect(slotOf(Date.UTC(2026, 9, 25, 16, 30), "Europe/Lisbon")).toBe("sun:afternoon"); // 16:30 WET
  });

  it("puts a class at 07:30 local on the Sunday of a clock change in its city's morning slot", () => {
    const sundayMorning = { ...member, availability: ["sun:morning"] };
    const berlin = yoga({ startsAtMs: Date.UTC(2026, 2, 29, 5, 30), timeZone: classTimeZone("berlin") });
    expect(scoreClass(sundayMorning, berlin, 0).reasons).toContain("You're free Sunday mornings");
    const london = yoga({ startsAtMs: Date.UTC(2026, 9, 25, 7, 30), timeZone: classTimeZone("london") });
    expect(scoreClass(sundayMorning, london, 0).reasons).toContain("You're free Sunday mornings");
  });

  it("ranks a class that fits interests, level and schedule above one that does not, with reasons", () => {
    const fit = scoreClass(member, yoga(), 0);
    const misfit = scoreClass(
      member,
      yoga({ tags: ["boxing"], level: "advanced", startsAtMs: TUESDAY_EVENING - 10 * 3600_000 }),
      0,
    );
    expect(fit.score).toBeGreaterThan(misfit.score);
    expect(fit.reasons).toEqual(["You do yoga", "You're free Tuesday evenings", "Right for your level (intermediate)"]);
    expect(misfit.reasons).toEqual(["Less than 1 km away"]);
  });

  it("raises a class that partners attend and says so", () => {
    const alone = scoreClass(member, yoga(), 0);
    const withFriends = scoreClass(member, yoga(), 2);
    expect(withFriends.score).toBeGreaterThan(alone.score);
    expect(withFriends.reasons).toContain("2 of your partners are going");
  });
});

describe("the rating factor", () => {
  const rated = (count: number, average: number) => ({ count, sum: Math.round(count * average) });

  it("does not let one 5-star rating outrank 200 ratings of 4.7", () => {
    const newcomer = scoreClass(member, yoga({ classId: "new", rating: rated(1, 5) }), 0);
    const favourite = scoreClass(member, yoga({ classId: "fav", rating: rated(200, 4.7) }), 0);
    expect(favourite.score).toBeGreaterThan(newcomer.score);
  });

  it("ranks a well-rated class above an unrated one, and an unrated one above a poorly rated one", () => {
    const loved = scoreClass(member, yoga({ rating: rated(40, 4.9) }), 0).score;
    const unrated = scoreClass(member, yoga(), 0).score;
    const disliked = scoreClass(member, yoga({ rating: rated(40, 2.5) }), 0).score;
    expect(loved).toBeGreaterThan(unrated);
    expect(unrated).toBeGreaterThan(disliked);
  });

  it("tells the member a class is well rated only once enough members rated it", () => {
    const few = scoreClass({ ...member, interests: [] }, yoga({ rating: rated(3, 5) }), 0);
    expect(few.reasons.join(" ")).not.toMatch(/Rated/);
    const many = scoreClass({ ...member, interests: [], availability: [] }, yoga({ rating: rated(120, 4.8) }), 0);
    expect(many.reasons).toContain("Rated 4.8 by 120 members");
  });

  it("damps a newcomer's average towards the prior", () => {
    expect(bayesianAverage(null)).toBe(RATING_PRIOR.mean);
    expect(bayesianAverage(rated(1, 5))).toBeCloseTo(4.27, 2);
    expect(bayesianAverage(rated(200, 4.7))).toBeCloseTo(4.68, 2);
    expect(ratingFactor(null)).toBeCloseTo(0.6, 5);
  });
});

describe("match notices", () => {
  it("have one id per pair and per sender, so a retry never notifies twice", () => {
    expect(matchNotice("a_b", { uid: "b", name: "Bo" }, "a_b")).toEqual({
      id: "match-a_b",
      type: "match",
      title: "It's a match with Bo!",
      body: "You and Bo both want to train together. Say hello.",
      data: { matchId: "a_b", conversationId: "a_b" },
      aboutUids: ["b"],
    });
    expect(superLikeNotice("a", "Al")).toMatchObject({
      id: "super_like-a",
      type: "super_like",
      data: { uid: "a" },
      aboutUids: ["a"],
    });
  });
});
