/**
 * The activity feed, fanned out on write (ADR 0017): an activity is copied into the feed of each
 * reader its audience allows, so a page of anyone's feed is one query of page size, however many
 * people they follow and however many follow the author. Copies go when the activity is
 * withdrawn, and when a reader may no longer see it (unfriended, unfollowed, blocked).
 */
import { FieldPath, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { activityIdOf, DEFAULT_SOCIAL_SETTINGS, type ActivityKind, type FeedEntry } from "../model/index.js";
import { commitInBatches, dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import type { PairView } from "./connections.js";
import { feedReaders, maySee, type AudienceSide } from "./feed.js";
import { deleteReactionsOf } from "./reactionStore.js";

/** Pairs read per page of the author's connections. */
const PAGE = 1000;

const deleteAll = (db: Firestore, doomed: readonly DocumentReference[]) =>
  commitInBatches(db, doomed, (batch, ref) => batch.delete(ref));

/** The author's friends and followers, a page at a time. */
async function audienceSides(db: Firestore, authorId: string, field: "friend" | "followedBy"): Promise<AudienceSide[]> {
  const sides: AudienceSide[] = [];
  let query = refs(db).connections(authorId).where(field, "==", "yes").orderBy(FieldPath.documentId()).limit(PAGE);
  for (;;) {
    const page = await query.get();
    for (const doc of page.docs) {
      const { friend, followedBy } = doc.data();
      sides.push({ otherUid: doc.id, friend, followedBy });
    }
    if (page.size < PAGE) return sides;
    query = query.startAfter(page.docs[page.size - 1]!);
  }
}

export interface Published {
  activityId: string;
  readers: number;
}

/**
 * Publishes what the author did, to the audience their settings give it now. Idempotent: the
 * activity's id comes from what happened, and a second run rewrites the same copies.
 */
export async function publishActivity(
  db: Firestore,
  authorId: string,
  kind: ActivityKind,
  subject: FeedEntry["subject"],
  createdAt: FeedEntry["createdAt"],
): Promise<Published> {
  const r = refs(db);
  const activityId = activityIdOf(kind, authorId, subject.classId);
  const existing = dataOrAbsent(await r.activity(activityId).get());
  // A redelivery keeps the audience the first delivery chose, so a settings change in between
  // cannot leave copies the activity no longer allows.
  const audience =
    existing?.audience ??
    (dataOrAbsent(await r.socialSettings(authorId).get()) ?? DEFAULT_SOCIAL_SETTINGS).activityAudience;
  const activity = { authorId, kind, audience, subject, createdAt };
  // Merged: a redelivery keeps the kudos and comments counted since the first.
  await r.activity(activityId).set(activity, { merge: true });

  const sides =
    audience === "only_me"
      ? []
      : [
          ...(await audienceSides(db, authorId, "friend")),
          ...(audience === "public" ? await audienceSides(db, authorId, "followedBy") : []),
        ];
  const readers = feedReaders(authorId, audience, sides);
  await commitInBatches(db, readers, (batch, reader) =>
    batch.set(r.feedEntry(reader, activityId), { ...activity, activityId }),
  );
  return { activityId, readers: readers.length };
}

/** Takes an activity back (the attendance was corrected): the activity, every copy, its kudos and comments go. */
export async function withdrawActivity(
  db: Firestore,
  kind: ActivityKind,
  authorId: string,
  subjectId: string,
): Promise<number> {
  const activityId = activityIdOf(kind, authorId, subjectId);
  const copies = await refs(db).allFeedEntries().where("activityId", "==", activityId).select().get();
  await deleteAll(
    db,
    copies.docs.map((d) => d.ref),
  );
  await deleteReactionsOf(db, activityId);
  await refs(db).activity(activityId).delete();
  return copies.size;
}

/**
 * Removes from the reader's feed what the author's activities no longer let them see, after
 * their pair changed to `reader` (the reader's side). Resolves with the number removed.
 */
export async function pruneFeed(
  db: Firestore,
  readerUid: string,
  authorUid: string,
  reader: Pick<PairView, "friend" | "following">,
): Promise<number> {
  const entries = await refs(db).feed(readerUid).where("authorId", "==", authorUid).get();
  const gone = entries.docs.filter((d) => !maySee(d.data().audience, reader)).map((d) => d.ref);
  await deleteAll(db, gone);
  return gone.length;
}
