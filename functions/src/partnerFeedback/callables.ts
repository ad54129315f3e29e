/** The partner feedback feature's callables: a member answers for a partner, and asks whom they may answer for. */
import {
  getPartnerFeedbackPromptsRequestSchema,
  submitPartnerFeedbackRequestSchema,
  type GetPartnerFeedbackPromptsResponse,
  type SubmitPartnerFeedbackResponse,
} from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { partnerFeedbackPrompts, submitPartnerFeedback as recordFeedback } from "./feedbackStore.js";
import { log } from "./logs.js";

/** `submitPartnerFeedback({ classId, subjectUid, showedUp, trainAgain, tags })`: private and final. */
export const submitPartnerFeedback = defineCallable(
  "submitPartnerFeedback",
  submitPartnerFeedbackRequestSchema,
  async (input, caller): Promise<SubmitPartnerFeedbackResponse> => {
    const result = await recordFeedback(db(), caller.uid, input, Date.now());
    log.given(input.classId, caller.uid, input.subjectUid, result.recorded);
    return result;
  },
);

/** `getPartnerFeedbackPrompts({ classId })`: the caller's matched partners who were booked into the class. */
export const getPartnerFeedbackPrompts = defineCallable(
  "getPartnerFeedbackPrompts",
  getPartnerFeedbackPromptsRequestSchema,
  (input, caller): Promise<GetPartnerFeedbackPromptsResponse> =>
    partnerFeedbackPrompts(db(), caller.uid, input.classId, Date.now()),
);
