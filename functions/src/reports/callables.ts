import { reportCommentRequestSchema, reportMemberRequestSchema, reportMessageRequestSchema } from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import * as reports from "./reportStore.js";

/** `reportMember({ subjectUid, reason, details })` → the admin review queue. */
export const reportMember = defineCallable("reportMember", reportMemberRequestSchema, (input, caller) =>
  reports.reportMember(db(), caller.uid, input),
);

/** `reportMessage({ conversationId, messageId, reason, details })` → the admin review queue. */
export const reportMessage = defineCallable("reportMessage", reportMessageRequestSchema, (input, caller) =>
  reports.reportMessage(db(), caller.uid, input),
);

/** `reportComment({ activityId, commentId, reason, details })` → the admin review queue. */
export const reportComment = defineCallable("reportComment", reportCommentRequestSchema, (input, caller) =>
  reports.reportComment(db(), caller.uid, input),
);
