/**
 * Reliability counts: adding one applied answer to `reliability/{uid}`, and when a no-show pattern
 * goes to moderators. The score matching reads from these counts is memberReliability (model).
 * Pure: no Firebase, no clock.
 */
import { NO_SHOW_PATTERN, type PartnerFeedback, type ReliabilityCounts } from "../model/index.js";

export type FeedbackAnswer = Pick<PartnerFeedback, "showedUp" | "trainAgain" | "tags">;

export function withFeedback(counts: ReliabilityCounts, answer: FeedbackAnswer): ReliabilityCounts {
  const tags = { ...counts.tags };
  for (const tag of answer.tags) tags[tag] = (tags[tag] ?? 0) + 1;
  const answeredAgain = answer.showedUp && answer.trainAgain !== null;
  return {
    ...counts,
    count: counts.count + 1,
    noShows: counts.noShows + (answer.showedUp ? 0 : 1),
    trainAgain: counts.trainAgain + (answeredAgain && answer.trainAgain ? 1 : 0),
    trainAgainAnswers: counts.trainAgainAnswers + (answeredAgain ? 1 : 0),
    tags,
  };
}

/**
 * Whether moderators should hear of this member now: a pattern of no-shows, and at least
 * `minNoShows` more than when they last heard, so one pattern files one report.
 */
export function noShowPatternToFlag(counts: ReliabilityCounts): boolean {
  return (
    counts.noShows >= NO_SHOW_PATTERN.minNoShows &&
    counts.noShows / counts.count >= NO_SHOW_PATTERN.minShare &&
    counts.noShows >= counts.flaggedAtNoShows + NO_SHOW_PATTERN.minNoShows
  );
}
