/** The reviews feature's callables: members review classes, instructors reply, admins moderate. */
import {
  moderateClassReviewRequestSchema,
  replyToClassReviewRequestSchema,
  reportClassReviewRequestSchema,
  submitClassReviewRequestSchema,
  type SubmitClassReviewResponse,
} from "../model/index.js";
import { defineCallable, requireRole } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { log } from "./logs.js";
import { moderateReview } from "./reviewModerationStore.js";
import { replyToReview, reportReview, submitReview } from "./reviewStore.js";

/** `submitClassReview({ classId, rating, text })`: write or edit the caller's review (attendees only). */
export const submitClassReview = defineCallable(
  "submitClassReview",
  submitClassReviewRequestSchema,
  async (input, caller): Promise<SubmitClassReviewResponse> => {
    const result = await submitReview(db(), caller.uid, input, Date.now());
    log.reviewed(input.classId, caller.uid, result.status, result.flags);
    return result;
  },
);

/** `replyToClassReview({ classId, uid, text })`: the class's instructor answers a review, once. */
export const replyToClassReview = defineCallable(
  "replyToClassReview",
  replyToClassReviewRequestSchema,
  async (input, caller) => {
    await replyToReview(db(), caller, input);
    log.replied(input.classId, input.uid, caller.uid);
    return { replied: true };
  },
);

/** `reportClassReview({ classId, uid, reason, details })`: a member puts a review before moderators. */
export const reportClassReview = defineCallable(
  "reportClassReview",
  reportClassReviewRequestSchema,
  async (input, caller) => {
    const result = await reportReview(db(), caller.uid, input, Date.now());
    if (result.reported) log.reported(input.classId, input.uid, caller.uid, input.reason);
    return result;
  },
);

/** Admin-only: `moderateClassReview({ classId, uid, action: approve | hide | remove, reason })`. */
export const moderateClassReview = defineCallable(
  "moderateClassReview",
  moderateClassReviewRequestSchema,
  async (input, caller) => {
    requireRole(caller, "admin");
    const result = await moderateReview(db(), { uid: caller.uid, label: caller.email ?? caller.uid }, input);
    log.moderated(input.classId, input.uid, input.action, caller.uid);
    return result;
  },
);
