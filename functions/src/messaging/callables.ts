import { conversationIdRequestSchema, messageRequestSchema } from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { leaveConversation as leave } from "./conversationStore.js";
import { deleteMessage as tombstone } from "./messageStore.js";

/** `leaveConversation({ conversationId })`: a member leaves a group chat for good. */
export const leaveConversation = defineCallable("leaveConversation", conversationIdRequestSchema, (input, caller) =>
  leave(db(), input.conversationId, caller.uid),
);

/** `deleteMessage({ conversationId, messageId })`: the sender deletes their message for everyone. */
export const deleteMessage = defineCallable("deleteMessage", messageRequestSchema, (input, caller) =>
  tombstone(db(), caller.uid, input.conversationId, input.messageId),
);
