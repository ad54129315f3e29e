/** Who may give partner feedback, on whom and when (partnerFeedback/eligibility.ts). */
import { describe, expect, it } from "vitest";
import { checkFeedbackAllowed, feedbackClosesAtMs } from "../../src/partnerFeedback/eligibility.js";
import { DomainError } from "../../src/shared/errors.js";

const HOUR = 60 * 60_000;
const cls = { status: "scheduled" as const, startsAtMs: Date.UTC(2026, 11, 1, 18), durationMinutes: 60 };
const ended = cls.startsAtMs + 2 * HOUR;
type FeedbackRequest = Parameters<typeof checkFeedbackAllowed>[0];
const allowed: FeedbackRequest = {
  authorUid: "ana",
  subjectUid: "ben",
  cls,
  authorStatus: "attended",
  subjectStatus: "attended",
  matched: true,
  nowMs: ended,
};

function refusal(overrides: Partial<FeedbackRequest>) {
  try {
    checkFeedbackAllowed({ ...allowed, ...overrides });
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
}

describe("checkFeedbackAllowed", () => {
  it("lets a checked-in member answer for a matched partner who held a seat, after the class", () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ subjectStatus: "no_show" })).toBeNull();
    expect(refusal({ subjectStatus: "confirmed" })).toBeNull();
    expect(refusal({ nowMs: feedbackClosesAtMs(cls) })).toBeNull();
  });

  it("refuses feedback on oneself, before the end, after the window, and on a cancelled class", () => {
    expect(refusal({ subjectUid: "ana" })).toBe("invalid-argument");
    expect(refusal({ nowMs: cls.startsAtMs + 30 * 60_000 })).toBe("failed-precondition");
    expect(refusal({ nowMs: feedbackClosesAtMs(cls) + 1 })).toBe("failed-precondition");
    expect(refusal({ cls: { ...cls, status: "cancelled" } })).toBe("failed-precondition");
  });

  it("refuses an author who was not checked in, and a pair that is not matched", () => {
    expect(refusal({ authorStatus: "confirmed" })).toBe("permission-denied");
    expect(refusal({ authorStatus: "no_show" })).toBe("permission-denied");
    expect(refusal({ authorStatus: null })).toBe("permission-denied");
    expect(refusal({ matched: false })).toBe("permission-denied");
  });

  it("asks about the match before the roster, so a stranger learns nothing of who booked", () => {
    expect(refusal({ matched: false, subjectStatus: null })).toBe("permission-denied");
    expect(refusal({ subjectStatus: null })).toBe("failed-precondition");
    expect(refusal({ subjectStatus: "waitlisted" })).toBe("failed-precondition");
    expect(refusal({ subjectStatus: "cancelled" })).toBe("failed-precondition");
  });
});
