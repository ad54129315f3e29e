import { conversationIdRequestSchema, reportMessageRequestSchema } from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { leaveConversation as leave } from "./conversationStore.js";
import { reportMessage as fileReport } from "./messageStore.js";

/** `leaveConversation({ conversationId })`: a member leaves a group chat for good. */
export const leaveConversation = defineCallable("leaveConversation", conversationIdRequestSchema, (input, caller) =>
  leave(db(), input.conversationId, caller.uid),
);

/** `reportMessage({ conversationId, messageId, reason, details })` → the admin review queue. */
export const reportMessage = defineCallable("reportMessage", reportMessageRequestSchema, (input, caller) =>
  fileReport(db(), caller.uid, input),
);
