/** The classes feature's callables: members' RSVPs, instructors' roster actions (rsvpStore.ts). */
import {
  classIdRequestSchema,
  markAttendanceRequestSchema,
  removeAttendeeRequestSchema,
  type MyRsvpResponse,
  type RsvpResponse,
} from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { leave, markAttendance as recordAttendance, myRsvp, removeAttendee as remove, rsvp } from "./rsvpStore.js";

/** `rsvpClass({ classId })` → confirmed, or waitlisted with a position. Repeating it is harmless. */
export const rsvpClass = defineCallable("rsvpClass", classIdRequestSchema, (input, caller): Promise<RsvpResponse> =>
  rsvp(db(), input.classId, caller.uid, Date.now()),
);

/** `cancelRsvp({ classId })`: frees the seat (or the place in line); the next in line is promoted. */
export const cancelRsvp = defineCallable("cancelRsvp", classIdRequestSchema, (input, caller) =>
  leave(db(), input.classId, caller.uid, Date.now()),
);

/** `getMyRsvp({ classId })`: the caller's state, with their live waitlist position. */
export const getMyRsvp = defineCallable("getMyRsvp", classIdRequestSchema, (input, caller): Promise<MyRsvpResponse> =>
  myRsvp(db(), input.classId, caller.uid),
);

/** Instructor of the class or admin, by the role held now (rsvpStore.ts): `removeAttendee({ classId, uid })`. */
export const removeAttendee = defineCallable("removeAttendee", removeAttendeeRequestSchema, (input, caller) =>
  remove(db(), caller, input.classId, input.uid, Date.now()),
);

/** Instructor of the class or admin, by the role held now (rsvpStore.ts): `markAttendance({ classId, uid, status })`. */
export const markAttendance = defineCallable("markAttendance", markAttendanceRequestSchema, async (input, caller) => {
  await recordAttendance(db(), caller, input, Date.now());
  return { ok: true };
});
