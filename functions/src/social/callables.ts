/** The social feature's callables: follow and befriend, and cheer on and comment on what friends did. */
import {
  addCommentRequestSchema,
  changeConnectionRequestSchema,
  commentRequestSchema,
  giveKudosRequestSchema,
  type ChangeConnectionResponse,
} from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { changeConnection as applyChange } from "./connectionStore.js";
import { log } from "./logs.js";
import * as reactions from "./reactionStore.js";

/** `changeConnection({ uid, action })`: how the caller now stands with `uid`, from the caller's side. */
export const changeConnection = defineCallable(
  "changeConnection",
  changeConnectionRequestSchema,
  async (input, caller): Promise<ChangeConnectionResponse> => {
    const { following, followedBy, friend, changed } = await applyChange(db(), caller.uid, input, Date.now());
    log.connectionChanged(caller.uid, input.uid, input.action, changed);
    return { following, followedBy, friend, changed };
  },
);

/** `giveKudos({ activityId, given })`: the caller's kudos on an activity in their feed, given or taken back. */
export const giveKudos = defineCallable("giveKudos", giveKudosRequestSchema, async (input, caller) => {
  const result = await reactions.giveKudos(db(), caller.uid, input, Date.now());
  log.kudosGiven(caller.uid, input.activityId, input.given, result.changed);
  return result;
});

/** `addComment({ activityId, commentId, text })`: a comment on an activity in the caller's feed. */
export const addComment = defineCallable("addComment", addCommentRequestSchema, async (input, caller) => {
  const result = await reactions.addComment(db(), caller.uid, input, Date.now());
  log.commentAdded(caller.uid, input.activityId, input.commentId, result.created);
  return result;
});

/** `deleteComment({ activityId, commentId })`: by the comment's author or the activity's. */
export const deleteComment = defineCallable("deleteComment", commentRequestSchema, async (input, caller) => {
  const result = await reactions.deleteComment(db(), caller.uid, input);
  log.commentDeleted(caller.uid, input.activityId, input.commentId, result.deleted);
  return result;
});
