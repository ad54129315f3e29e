/**
 * RSVPs: the callables that own seats and the waitlist, and the member's own attendee row, which
 * functions keep up to date (a promotion from the waitlist shows up here at once).
 */
import { doc, type Unsubscribe } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  attendeeSchema,
  paths,
  type Attendee,
  type ClassIdRequest,
  type MarkAttendanceRequest,
  type MyRsvpResponse,
  type RemoveAttendeeRequest,
  type RsvpResponse,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { dataOrNull, watchDoc, type Watcher } from "../shared/watch";

export const attendeeConverter = converterFor(attendeeSchema);

const rsvpClassCallable = httpsCallable<ClassIdRequest, RsvpResponse>(functions, "rsvpClass");
const cancelRsvpCallable = httpsCallable<ClassIdRequest, { left: boolean }>(functions, "cancelRsvp");
const getMyRsvpCallable = httpsCallable<ClassIdRequest, MyRsvpResponse>(functions, "getMyRsvp");
const removeAttendeeCallable = httpsCallable<RemoveAttendeeRequest, unknown>(functions, "removeAttendee");
const markAttendanceCallable = httpsCallable<MarkAttendanceRequest, unknown>(functions, "markAttendance");

/** Takes a seat, or a place on the waitlist when the class is full. */
export async function rsvpClass(classId: string): Promise<RsvpResponse> {
  return (await rsvpClassCallable({ classId })).data;
}

/** Gives up the seat or the place in line; the next member in line is promoted by the server. */
export async function cancelRsvp(classId: string): Promise<boolean> {
  return (await cancelRsvpCallable({ classId })).data.left;
}

/** The caller's state with their live waitlist position (positions are computed, not stored). */
export async function getMyRsvp(classId: string): Promise<MyRsvpResponse> {
  return (await getMyRsvpCallable({ classId })).data;
}

/** Instructor of the class or admin. */
export async function removeAttendee(classId: string, uid: string): Promise<void> {
  await removeAttendeeCallable({ classId, uid });
}

/** Instructor of the class or admin; opens an hour before the class, closes a week after. */
export async function markAttendance(classId: string, uid: string, status: "attended" | "no_show"): Promise<void> {
  await markAttendanceCallable({ classId, uid, status });
}

/** The member's own row for a class, live. null: they never RSVPed. */
export function watchMyAttendee(classId: string, uid: string, watcher: Watcher<Attendee | null>): Unsubscribe {
  return watchDoc(doc(db, paths.attendee(classId, uid)).withConverter(attendeeConverter), dataOrNull, watcher);
}
