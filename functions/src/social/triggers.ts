/**
 * What changes the social graph and the feed without a social callable: a block ends every
 * connection between two members (and takes back their reactions to each other's activities), and
 * an attendance check-in is an activity. Both retry on
 * failure (the change is already written; a lost event would leave a blocked member following
 * the blocker, or a friend's class missing from the feed) and both are idempotent.
 */
import { onDocumentCreated, onDocumentWritten } from "firebase-functions/firestore";
import { attendanceRecordSchema, patterns } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { dropWhenStale, eventDocument, INVALID_DOCUMENT, retried } from "../shared/triggers.js";
import { NO_CONNECTION } from "./connections.js";
import { pruneFeedsAfter, severConnection } from "./connectionStore.js";
import { publishActivity, withdrawActivity } from "./feedStore.js";
import { retractReactionsBetween } from "./reactionStore.js";
import { log } from "./logs.js";

// A block is its existence (see matching/triggers.ts): its fields are not read.
export const onBlockCreatedForSocial = onDocumentCreated(
  retried(patterns.block),
  dropWhenStale("onBlockCreatedForSocial", async (event) => {
    const { uid, otherUid } = event.params;
    log.connectionSevered(uid, otherUid, "block", await severConnection(db(), uid, otherUid));
    // Whatever the pair was, neither sees the other's activities any more. Pruning again on a
    // redelivery removes nothing.
    await pruneFeedsAfter(db(), uid, otherUid, { following: "yes", followedBy: "yes", friend: "yes" }, NO_CONNECTION);
    // Nor finds the other's kudos or comments on their own activities.
    log.reactionsRetracted(uid, otherUid, await retractReactionsBetween(db(), uid, otherUid));
  }),
);

/**
 * A member checked in to a class: their friends (or followers) see it. A check-in corrected to a
 * no-show, or removed, takes the activity back. Redelivered, the same activity is published or
 * withdrawn again, to the same copies.
 */
export const onAttendanceRecordedForFeed = onDocumentWritten(
  retried(patterns.attendanceRecord),
  dropWhenStale("onAttendanceRecordedForFeed", async (event) => {
    const { uid, classId } = event.params;
    const after = eventDocument("onAttendanceRecordedForFeed", attendanceRecordSchema, event.data?.after);
    if (after === INVALID_DOCUMENT) return;
    if (after?.status === "attended") {
      const subject = { classId, classTitle: after.classTitle, classStartsAt: after.classStartsAt };
      const published = await publishActivity(db(), uid, "attended_class", subject, after.markedAt);
      log.activityPublished(uid, published.activityId, published.readers);
    } else {
      log.activityWithdrawn(uid, classId, await withdrawActivity(db(), "attended_class", uid, classId));
    }
  }),
);
