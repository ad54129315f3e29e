import { describe, expect, it } from "vitest";
import type { ClassReview } from "@numina/model";
import {
  byRatingDescending,
  formatAverage,
  histogramRows,
  meetsMinRating,
  ratingLabel,
  reviewPanelState,
  type ReviewPanelState,
} from "./ratings";

const at = (ms: number) => ({ toMillis: () => ms });
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe("how a rating reads", () => {
  it("shows one decimal, rounded the way a reader would, and nothing before the first rating", () => {
    expect(formatAverage({ count: 3, sum: 14 })).toBe("4.7");
    expect(formatAverage({ count: 4, sum: 18 })).toBe("4.5");
    expect(formatAverage({ count: 1, sum: 5 })).toBe("5.0");
    expect(formatAverage({ count: 0, sum: 0 })).toBeNull();
    expect(formatAverage(null)).toBeNull();
  });

  it("labels the figure for screen readers, singular and plural", () => {
    expect(ratingLabel({ count: 1, sum: 4 })).toBe("4.0 out of 5 from 1 rating");
    expect(ratingLabel({ count: 23, sum: 105 })).toBe("4.6 out of 5 from 23 ratings");
    expect(ratingLabel(undefined)).toBe("No ratings yet");
  });

  it("lists the histogram from 5 stars down, with each row's share", () => {
    const rows = histogramRows({ count: 4, histogram: [1, 0, 0, 1, 2] });
    expect(rows.map((r) => [r.stars, r.count, r.share])).toEqual([
      [5, 2, 0.5],
      [4, 1, 0.25],
      [3, 0, 0],
      [2, 0, 0],
      [1, 1, 0.25],
    ]);
    expect(histogramRows({ count: 0, histogram: [0, 0, 0, 0, 0] }).every((r) => r.share === 0)).toBe(true);
  });
});

describe("filtering and sorting by rating", () => {
  it("a minimum keeps classes at or above it, and never an unrated one", () => {
    expect(meetsMinRating({ count: 2, sum: 9 }, 4.5)).toBe(true);
    expect(meetsMinRating({ count: 3, sum: 13 }, 4.5)).toBe(false);
    expect(meetsMinRating(null, 4)).toBe(false);
  });

  it("puts many good ratings above one perfect one, and unrated classes between good and poor", () => {
    const many = { count: 200, sum: 940 }; // 4.7
    const one = { count: 1, sum: 5 };
    const poor = { count: 20, sum: 40 }; // 2.0
    const sorted = [one, null, poor, many].sort(byRatingDescending);
    expect(sorted).toEqual([many, one, null, poor]);
  });
});

describe("reviewPanelState: the review form only when the server would take it", () => {
  const ENDS = 10 * DAY;
  const cls = { instructorId: "coach", status: "scheduled" as const, startsAtMs: ENDS - HOUR, durationMinutes: 60 };
  const review = (status: ClassReview["status"], editableUntilMs: number) =>
    ({
      uid: "ana",
      status,
      rating: 4,
      text: "",
      flags: [],
      editableUntil: at(editableUntilMs),
    }) as unknown as ClassReview;
  const state = (over: Partial<Parameters<typeof reviewPanelState>[0]>): ReviewPanelState["kind"] =>
    reviewPanelState({ uid: "ana", cls, attendeeStatus: "attended", review: null, nowMs: ENDS + HOUR, ...over }).kind;

  it("offers the form to a checked-in attendee after the end, until the window closes", () => {
    expect(state({})).toBe("write");
    expect(state({ nowMs: ENDS + 30 * DAY })).toBe("write");
    expect(state({ nowMs: ENDS + 30 * DAY + 1 })).toBe("closed");
  });

  it("says why not to everyone else", () => {
    expect(state({ nowMs: ENDS - 1 })).toBe("not-yet");
    expect(state({ attendeeStatus: "no_show" })).toBe("not-attended");
    expect(state({ attendeeStatus: "confirmed" })).toBe("not-attended");
    expect(state({ attendeeStatus: null })).toBe("not-attended");
    expect(state({ uid: "coach" })).toBe("own-class");
    expect(state({ cls: { ...cls, status: "cancelled" } })).toBe("cancelled");
  });

  it("lets the author edit while the edit window is open, then shows it as final; a hidden review is final", () => {
    expect(state({ review: review("published", ENDS + 2 * DAY) })).toBe("edit");
    expect(state({ review: review("held", ENDS + 2 * DAY) })).toBe("edit");
    expect(state({ review: review("published", ENDS) })).toBe("final");
    expect(state({ review: review("hidden", ENDS + 2 * DAY) })).toBe("final");
  });
});
