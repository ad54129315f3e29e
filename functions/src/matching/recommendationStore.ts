/**
 * Upcoming classes for a member: scheduled classes in the next two weeks in their city, within
 * twice their partner distance, with their series' rating, scored by classRecommendations.ts. Partners attending are looked
 * up only for the best-scoring classes, so a call stays within a few hundred reads.
 */
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { classTimeZone, type ClassRecommendation, type GetClassRecommendationsResponse } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { dataOrAbsent, readAll } from "../shared/firestore.js";
import { loadMembers } from "./memberStore.js";
import { scoreClass, type RecommendableClass } from "./classRecommendations.js";
import { missingForMatching } from "./preferences.js";
import { distanceKm } from "./scoring.js";

const HORIZON_MS = 14 * 24 * 60 * 60 * 1000;
/** Classes whose attendees are checked for the member's partners. */
const SOCIAL_CHECK = 30;

export async function recommendClasses(
  db: Firestore,
  uid: string,
  limit: number,
  nowMs: number,
): Promise<GetClassRecommendationsResponse> {
  const me = (await loadMembers(db, [uid])).get(uid);
  if (!me) throw new DomainError("failed-precondition", "Finish your profile first.");
  const missing = missingForMatching(me).filter((m) => m !== "add when you are free to train");
  if (missing.length > 0 || !me.location) {
    throw new DomainError("failed-precondition", `To get class recommendations, ${missing.join(", ")}.`, { missing });
  }
  const location = me.location;
  const r = refs(db);
  const upcoming = await r
    .classes()
    .where("status", "==", "scheduled")
    .where("startsAt", ">", Timestamp.fromMillis(nowMs))
    .where("startsAt", "<=", Timestamp.fromMillis(nowMs + HORIZON_MS))
    .get();
  const classes: RecommendableClass[] = [];
  const seriesOf = new Map<string, string>();
  for (const doc of upcoming.docs) {
    const cls = dataOrAbsent(doc);
    if (!cls) continue;
    if (cls.confirmedCount >= cls.capacity) continue;
    const venue = { lat: cls.location.lat, lng: cls.location.lng };
    if (distanceKm(location, venue) > me.preferences.maxDistanceKm * 2) continue;
    classes.push({
      classId: doc.id,
      title: cls.title,
      tags: cls.tags,
      level: cls.level,
      startsAtMs: cls.startsAt.toMillis(),
      timeZone: classTimeZone(cls.city),
      venue,
      capacity: cls.capacity,
      confirmedCount: cls.confirmedCount,
      rating: null,
    });
    seriesOf.set(doc.id, cls.seriesId ?? doc.id);
  }
  // One summary document per series: what its members rated the series' earlier classes.
  const seriesIds = [...new Set(seriesOf.values())];
  const summaries = await readAll(
    db,
    seriesIds.map((id) => r.ratingSummary("series", id)),
  );
  const ratingOf = new Map(seriesIds.map((id, k) => [id, summaries[k] ? dataOrAbsent(summaries[k]) : undefined]));
  for (const cls of classes) cls.rating = ratingOf.get(seriesOf.get(cls.classId) ?? cls.classId) ?? null;
  const seeker = { ...me, location };
  const first = classes
    .map((cls) => ({ cls, ...scoreClass(seeker, cls, 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, SOCIAL_CHECK);

  const matches = await r.matches().where("userIds", "array-contains", uid).limit(20).get();
  const partners = matches.docs.flatMap((d) => dataOrAbsent(d)?.userIds.filter((u) => u !== uid) ?? []);
  const going = new Map<string, number>();
  const checked = first.flatMap(({ cls }) => partners.map((p) => ({ classId: cls.classId, partner: p })));
  const rows = await readAll(
    db,
    checked.map(({ classId, partner }) => r.attendee(classId, partner)),
  );
  checked.forEach(({ classId }, k) => {
    const row = rows[k];
    const status = row ? dataOrAbsent(row)?.status : undefined;
    if (status === "confirmed" || status === "waitlisted") going.set(classId, (going.get(classId) ?? 0) + 1);
  });
  const result: ClassRecommendation[] = first
    .map(({ cls }) => ({ cls, ...scoreClass(seeker, cls, going.get(cls.classId) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.cls.startsAtMs - b.cls.startsAtMs)
    .slice(0, limit)
    .map(({ cls, score, reasons }) => ({
      classId: cls.classId,
      title: cls.title,
      startsAt: new Date(cls.startsAtMs).toISOString(),
      score,
      reasons,
    }));
  return { classes: result };
}
