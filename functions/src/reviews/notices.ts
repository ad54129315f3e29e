/** What attendees are told about reviewing a class. Pure: content and deterministic ids only. */
import { REVIEW_LIMITS, type NoticeDraft } from "../model/index.js";

/** One prompt per class: the id makes a second scheduler run or a retry notify nobody twice. */
export function reviewPromptNotice(cls: { classId: string; title: string }): NoticeDraft {
  return {
    id: `review_prompt-${cls.classId}`,
    type: "review_prompt",
    title: `How was ${cls.title}?`,
    body: `Rate it to help others choose. You can review it for ${REVIEW_LIMITS.openDays} days.`,
    data: { classId: cls.classId },
    aboutUids: [],
  };
}

/** The key under `remindersSent` that says a class's attendees were asked to review it. */
export const REVIEW_PROMPT_KEY = "review_prompt";
