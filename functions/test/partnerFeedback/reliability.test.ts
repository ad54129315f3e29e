/** Reliability counts and score (partnerFeedback/reliability.ts, model/partnerFeedback.ts). */
import { describe, expect, it } from "vitest";
import {
  emptyReliability,
  memberReliability,
  RELIABILITY_PRIOR,
  UNKNOWN_RELIABILITY,
  type ReliabilityCounts,
} from "../../src/model/index.js";
import { noShowPatternToFlag, withFeedback, type FeedbackAnswer } from "../../src/partnerFeedback/reliability.js";

const showed: FeedbackAnswer = { showedUp: true, trainAgain: true, tags: ["punctual"] };
const noShow: FeedbackAnswer = { showedUp: false, trainAgain: null, tags: [] };
const after = (...answers: FeedbackAnswer[]): ReliabilityCounts =>
  answers.reduce<ReliabilityCounts>((counts, answer) => withFeedback(counts, answer), emptyReliability());

describe("withFeedback", () => {
  it("counts answers, no-shows, 'train again' and tags", () => {
    const counts = after(showed, noShow, { showedUp: true, trainAgain: false, tags: ["punctual", "friendly"] });
    expect(counts).toMatchObject({ count: 3, noShows: 1, trainAgain: 1, trainAgainAnswers: 2 });
    expect(counts.tags).toEqual({ punctual: 2, friendly: 1 });
  });
});

describe("memberReliability", () => {
  it("gives a member nobody has answered for the prior, not a penalty", () => {
    expect(UNKNOWN_RELIABILITY).toEqual({ score: RELIABILITY_PRIOR.showRate, proven: false });
  });

  it("barely moves on one answer and falls with a record of no-shows", () => {
    const oneNoShow = memberReliability(after(noShow)).score;
    const threeNoShows = memberReliability(after(noShow, noShow, noShow)).score;
    expect(oneNoShow).toBeLessThan(UNKNOWN_RELIABILITY.score);
    expect(oneNoShow).toBeGreaterThan(0.6);
    expect(threeNoShows).toBeLessThan(oneNoShow);
    expect(threeNoShows).toBeLessThan(0.6);
  });

  it("moves in steps of 0.05, so one answer among many rarely shows", () => {
    const score = memberReliability(after(showed, showed, showed, showed, showed, noShow)).score;
    expect(Math.round(score * 20)).toBeCloseTo(score * 20, 10);
  });

  it("is proven at three answers with four in five shows, not before", () => {
    expect(memberReliability(after(showed, showed)).proven).toBe(false);
    expect(memberReliability(after(showed, showed, showed)).proven).toBe(true);
    expect(memberReliability(after(showed, showed, showed, showed, noShow)).proven).toBe(true);
    expect(memberReliability(after(showed, showed, noShow)).proven).toBe(false);
  });
});

describe("noShowPatternToFlag", () => {
  it("flags three no-shows that are half the answers, once per three more", () => {
    expect(noShowPatternToFlag(after(noShow, noShow))).toBe(false);
    const pattern = after(noShow, showed, noShow, noShow);
    expect(noShowPatternToFlag(pattern)).toBe(true);
    expect(noShowPatternToFlag(after(noShow, noShow, noShow, showed, showed, showed, showed))).toBe(false);
    const told = { ...pattern, flaggedAtNoShows: 3 };
    expect(noShowPatternToFlag(withFeedback(told, noShow))).toBe(false);
    expect(noShowPatternToFlag(after(noShow, noShow, noShow, noShow, noShow, noShow))).toBe(true);
    expect(noShowPatternToFlag({ ...after(noShow, noShow, noShow, noShow, noShow, noShow), flaggedAtNoShows: 3 })).toBe(
      true,
    );
  });
});
