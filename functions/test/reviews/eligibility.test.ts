import { describe, expect, it } from "vitest";
import { flagsPhrase } from "../../src/model/index.js";
import { decideReviewWrite, editableUntilMs, statusAfterCheck } from "../../src/reviews/eligibility.js";
import { countsFromHistogram } from "../../src/reviews/ratingMath.js";
import type { DomainError } from "../../src/shared/errors.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 5, 1, 18, 0);
const cls = { instructorId: "coach", status: "scheduled" as const, startsAtMs: START, durationMinutes: 60 };
const ENDED = START + HOUR;

function refusal(input: Partial<Parameters<typeof decideReviewWrite>[0]>): string {
  try {
    decideReviewWrite({ uid: "ann", cls, attendeeStatus: "attended", existing: null, nowMs: ENDED + HOUR, ...input });
  } catch (error) {
    return `${(error as DomainError).code}: ${(error as Error).message}`;
  }
  return "allowed";
}

describe("who may review a class, and when", () => {
  it("lets a checked-in member write their first review once the class has ended", () => {
    expect(decideReviewWrite({ uid: "ann", cls, attendeeStatus: "attended", existing: null, nowMs: ENDED })).toEqual({
      kind: "create",
    });
  });

  it.each([
    ["booked but not checked in", { attendeeStatus: "confirmed" as const }],
    ["marked a no-show", { attendeeStatus: "no_show" as const }],
    ["never booked", { attendeeStatus: null }],
  ])("refuses a member who %s", (_who, input) => {
    expect(refusal(input)).toBe("permission-denied: Only members who were checked in to this class can review it.");
  });

  it("refuses the class's own instructor, even checked in", () => {
    expect(refusal({ uid: "coach" })).toBe("permission-denied: You cannot review your own class.");
  });

  it("refuses before the end, for a cancelled class, and after the 30-day window", () => {
    expect(refusal({ nowMs: ENDED - 1 })).toBe("failed-precondition: You can review this class once it has ended.");
    expect(refusal({ cls: { ...cls, status: "cancelled" } })).toBe("failed-precondition: This class was cancelled.");
    expect(refusal({ nowMs: ENDED + 30 * DAY })).toBe("allowed");
    expect(refusal({ nowMs: ENDED + 30 * DAY + 1 })).toBe(
      "failed-precondition: Classes can be reviewed for 30 days after they end.",
    );
  });

  it("edits within 7 days of the first write, even after the review window, then the review is final", () => {
    const written = ENDED + 29 * DAY;
    const existing = { status: "published" as const, editableUntilMs: editableUntilMs(written) };
    expect(
      decideReviewWrite({ uid: "ann", cls, attendeeStatus: "attended", existing, nowMs: written + 6 * DAY }),
    ).toEqual({ kind: "edit", status: "published" });
    expect(refusal({ existing, nowMs: written + 7 * DAY + 1 })).toBe(
      "failed-precondition: Reviews are final 7 days after they are written.",
    );
  });

  it("does not let the author edit a review a moderator hid", () => {
    const existing = { status: "hidden" as const, editableUntilMs: ENDED + 7 * DAY };
    expect(refusal({ existing })).toBe(
      "failed-precondition: A moderator hid your review of this class; it cannot be edited.",
    );
  });

  it("publishes a clean text and holds a flagged one", () => {
    expect(statusAfterCheck([])).toBe("published");
    expect(statusAfterCheck(["link"])).toBe("held");
  });
});

describe("rating arithmetic", () => {
  it("derives count and sum from the histogram", () => {
    expect(countsFromHistogram([1, 0, 2, 0, 3])).toEqual({ count: 6, sum: 1 + 6 + 15, histogram: [1, 0, 2, 0, 3] });
    expect(() => countsFromHistogram([1, 2])).toThrow(/five buckets/);
  });

  it("names what a text may not contain, as a member reads it", () => {
    expect(flagsPhrase(["phone"])).toBe("phone numbers");
    expect(flagsPhrase(["profanity", "link", "email"])).toBe("abusive words, links or email addresses");
  });
});
