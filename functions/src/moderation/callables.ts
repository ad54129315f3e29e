import {
  dismissReportRequestSchema,
  moderateMemberRequestSchema,
  takeDownCommentRequestSchema,
  takeDownMessageRequestSchema,
} from "../model/index.js";
import { defineCallable, requireRole, type Caller } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { log } from "./logs.js";
import {
  dismissReport as dismiss,
  moderateMember as moderate,
  takeDownComment as takeDownOneComment,
  takeDownMessage as takeDown,
} from "./moderationStore.js";

const moderator = (caller: Caller) => ({ uid: caller.uid, label: caller.email ?? caller.uid });

/** Admin-only: `moderateMember({ action: suspend | ban | reinstate, uid, days?, reason, reportId? })`. */
export const moderateMember = defineCallable("moderateMember", moderateMemberRequestSchema, async (input, caller) => {
  requireRole(caller, "admin");
  const result = await moderate(db(), moderator(caller), input);
  log.moderated(input.action, input.uid, caller.uid);
  return result;
});

/** Admin-only: `takeDownMessage({ reportId, reason })` removes the reported message for both sides. */
export const takeDownMessage = defineCallable(
  "takeDownMessage",
  takeDownMessageRequestSchema,
  async (input, caller) => {
    requireRole(caller, "admin");
    const result = await takeDown(db(), moderator(caller), input);
    log.reportClosed(input.reportId, "message_taken_down", caller.uid);
    return result;
  },
);

/** Admin-only: `takeDownComment({ reportId, reason })` removes the reported comment from its activity. */
export const takeDownComment = defineCallable(
  "takeDownComment",
  takeDownCommentRequestSchema,
  async (input, caller) => {
    requireRole(caller, "admin");
    const result = await takeDownOneComment(db(), moderator(caller), input);
    log.reportClosed(input.reportId, "comment_taken_down", caller.uid);
    return result;
  },
);

/** Admin-only: `dismissReport({ reportId, reason })`. */
export const dismissReport = defineCallable("dismissReport", dismissReportRequestSchema, async (input, caller) => {
  requireRole(caller, "admin");
  await dismiss(db(), moderator(caller), input);
  log.reportClosed(input.reportId, "dismissed", caller.uid);
  return { dismissed: true };
});
