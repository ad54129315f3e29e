/** The social feature's callable: follow, befriend and their undoing, one action at a time. */
import { changeConnectionRequestSchema, type ChangeConnectionResponse } from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { changeConnection as applyChange } from "./connectionStore.js";
import { log } from "./logs.js";

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
