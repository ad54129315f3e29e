/** A member's own classes: their active RSVPs (across all classes) and their attendance history. */
import {
  Timestamp,
  collection,
  collectionGroup,
  limit,
  orderBy,
  query,
  where,
  type QueryConstraint,
  type Unsubscribe,
} from "firebase/firestore";
import { attendanceRecordSchema, collections, paths, type AttendanceRecord, type Attendee } from "@numina/model";
import { db } from "../firebase";
import { converterFor } from "../shared/converters";
import { allData, watchQuery, type Watcher } from "../shared/watch";
import { attendeeConverter } from "./rsvpService";

const attendanceConverter = converterFor(attendanceRecordSchema);

/**
 * The member's confirmed and waitlisted RSVPs for classes starting from `fromMs`, soonest first.
 * A collection-group query that says `uid == me`, as the rules require. Composite index
 * (collection group `attendees`): uid + status + classStartsAt.
 */
export function watchMyUpcoming(uid: string, fromMs: number, watcher: Watcher<Attendee[]>, max?: number): Unsubscribe {
  const constraints: QueryConstraint[] = [
    where("uid", "==", uid),
    where("status", "in", ["confirmed", "waitlisted"]),
    where("classStartsAt", ">=", Timestamp.fromMillis(fromMs)),
    orderBy("classStartsAt"),
  ];
  if (max !== undefined) constraints.push(limit(max));
  return watchQuery(
    query(collectionGroup(db, collections.attendees).withConverter(attendeeConverter), ...constraints),
    allData,
    watcher,
  );
}

/** The member's attendance history, most recent class first. */
export function watchMyAttendance(uid: string, watcher: Watcher<AttendanceRecord[]>): Unsubscribe {
  return watchQuery(
    query(collection(db, paths.attendance(uid)).withConverter(attendanceConverter), orderBy("classStartsAt", "desc")),
    allData,
    watcher,
  );
}

/** A class's roster in arrival order (the order seats are given in). Instructor of the class and admins. */
export function watchRoster(classId: string, watcher: Watcher<Attendee[]>): Unsubscribe {
  return watchQuery(
    query(collection(db, paths.attendees(classId)).withConverter(attendeeConverter), orderBy("ticket")),
    allData,
    watcher,
  );
}
