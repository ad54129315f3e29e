/**
 * A member's standing as the rest of the backend checks it: the callable edge refuses a
 * restricted member with the reason and how to appeal.
 */
import type { Firestore } from "firebase-admin/firestore";
import { isRestricted, restrictionMessage, standingView } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";

/** Throws permission-denied, with the reason and how to appeal, if the member is restricted now. */
export async function requireGoodStanding(db: Firestore, uid: string, nowMs = Date.now()): Promise<void> {
  const moderation = dataOrAbsent(await refs(db).moderation(uid).get());
  if (moderation && isRestricted(standingView(moderation), nowMs)) {
    throw new DomainError("permission-denied", restrictionMessage(standingView(moderation)), {
      standing: moderation.standing,
    });
  }
}
