/**
 * Data access for classes: reading and watching `classes/{id}`, and the writes an instructor (or
 * an admin) makes on their own classes. Seats and counts are server-owned: they change only
 * through the RSVP callables (rsvpService.ts).
 */
import {
  Timestamp,
  addDoc,
  collection,
  doc,
  limit,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
  type DocumentReference,
  type Unsubscribe,
} from "firebase/firestore";
import { geohashForLocation } from "geofire-common";
import { classEditSchema, classSchema, collections, paths, type FitnessClass } from "@numina/model";
import { db } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, itemOrNull, watchDoc, watchQuery, type Item, type Watcher } from "../shared/watch";

export const classConverter = converterFor(classSchema);

/** A class with its document id. */
export type ClassItem = Item<FitnessClass>;

/** How many upcoming classes the browse and admin pages read at once. */
export const UPCOMING_LIMIT = 100;

const CLASS_GEOHASH_PRECISION = 9;

export function classRef(classId: string): DocumentReference<FitnessClass> {
  return doc(db, paths.class(classId)).withConverter(classConverter);
}

/** One class, live (seat counts change as members join and leave). null: no such class. */
export function watchClass(classId: string, watcher: Watcher<ClassItem | null>): Unsubscribe {
  return watchDoc(classRef(classId), itemOrNull, watcher);
}

/**
 * Classes starting from `fromMs` on, soonest first, cancelled ones included. A range and an order
 * on the same field need no composite index; city, level, tags and status are filtered by the
 * caller.
 */
export function watchUpcomingClasses(fromMs: number, watcher: Watcher<ClassItem[]>): Unsubscribe {
  const q = query(
    collection(db, collections.classes).withConverter(classConverter),
    where("startsAt", ">=", Timestamp.fromMillis(fromMs)),
    orderBy("startsAt"),
    limit(UPCOMING_LIMIT),
  );
  return watchQuery(q, allItems, watcher);
}

/** Every class an instructor teaches, past and future, by start time. Composite index: instructorId + startsAt. */
export function watchInstructorClasses(instructorId: string, watcher: Watcher<ClassItem[]>): Unsubscribe {
  const q = query(
    collection(db, collections.classes).withConverter(classConverter),
    where("instructorId", "==", instructorId),
    orderBy("startsAt"),
  );
  return watchQuery(q, allItems, watcher);
}

/** What the instructor's form produces; validated against classEditSchema before it gets here. */
export interface ClassInput {
  title: string;
  description: string;
  tags: FitnessClass["tags"];
  level: FitnessClass["level"];
  city: FitnessClass["city"];
  startsAtMs: number;
  durationMinutes: number;
  venueName: string;
  address: string;
  lat: number;
  lng: number;
  capacity: number;
}

/**
 * The form's values against classEditSchema, the constraints firestore.rules enforces. The geohash
 * is a placeholder: saving derives it from lat/lng, which cannot be done while they are invalid.
 */
export function checkClassInput(input: ClassInput, instructorId: string) {
  return classEditSchema.safeParse({
    title: input.title,
    description: input.description,
    tags: input.tags,
    level: input.level,
    instructorId,
    city: input.city,
    startsAt: Timestamp.fromMillis(input.startsAtMs),
    durationMinutes: input.durationMinutes,
    location: { name: input.venueName, address: input.address, lat: input.lat, lng: input.lng, geohash: "u" },
    capacity: input.capacity,
    status: "scheduled",
  });
}

function editableFields(input: ClassInput) {
  return {
    title: input.title.trim(),
    description: input.description,
    tags: input.tags,
    level: input.level,
    city: input.city,
    startsAt: Timestamp.fromMillis(input.startsAtMs),
    durationMinutes: input.durationMinutes,
    location: {
      name: input.venueName.trim(),
      address: input.address.trim(),
      lat: input.lat,
      lng: input.lng,
      geohash: geohashForLocation([input.lat, input.lng], CLASS_GEOHASH_PRECISION),
    },
    capacity: input.capacity,
  };
}

/**
 * Creates a class taught by `instructorId`. `repeatWeeks` > 0 asks onClassCreated to add that many
 * weekly occurrences. Returns the new class id.
 */
export async function createClass(instructorId: string, input: ClassInput, repeatWeeks: number): Promise<string> {
  // A plain reference (no converter): createdAt/updatedAt must be the serverTimestamp() sentinel
  // that firestore.rules compares with request.time.
  const ref = await addDoc(collection(db, collections.classes), {
    ...editableFields(input),
    instructorId,
    status: "scheduled",
    recurrence: repeatWeeks > 0 ? { weeks: repeatWeeks } : null,
    confirmedCount: 0,
    waitlistCount: 0,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
  return ref.id;
}

/** Edits a class. The start time is sent only when it changed: rules require a new one to be in the future. */
export async function updateClass(classId: string, input: ClassInput, current: FitnessClass): Promise<void> {
  const fields: Record<string, unknown> = { ...editableFields(input), updatedAt: serverTimestamp() };
  if (current.startsAt.toMillis() === input.startsAtMs) delete fields["startsAt"];
  await updateDoc(doc(db, paths.class(classId)), fields);
}

/** Cancels a class; functions then tell everyone on the roster. */
export async function cancelClass(classId: string): Promise<void> {
  await updateDoc(doc(db, paths.class(classId)), { status: "cancelled", updatedAt: serverTimestamp() });
}
