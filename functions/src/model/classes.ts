/** Documents and payloads of the classes feature: RSVPs, waitlists, attendance. */
import { z } from "zod";
import { timestampSchema } from "./schemas.js";

export const ATTENDEE_STATUSES = ["confirmed", "waitlisted", "cancelled", "attended", "no_show"] as const;
export type AttendeeStatus = (typeof ATTENDEE_STATUSES)[number];

/**
 * `classes/{classId}/attendees/{uid}`: one row per member and class, written only by functions.
 * Class fields are copied in so "my schedule" is one collection-group query on `uid`.
 */
export const attendeeSchema = z.object({
  uid: z.string().min(1),
  classId: z.string().min(1),
  status: z.enum(ATTENDEE_STATUSES),
  /** Arrival time of the current RSVP: the member's place in line (see functions/src/classes/rsvp.ts). */
  joinedAt: timestampSchema,
  updatedAt: timestampSchema,
  promotedAt: timestampSchema.nullable(),
  checkedInAt: timestampSchema.nullable(),
  classTitle: z.string(),
  classStartsAt: timestampSchema,
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** `users/{uid}/attendance/{classId}`: the member's attendance history, written at check-in. */
export const attendanceRecordSchema = z.object({
  classId: z.string().min(1),
  classTitle: z.string(),
  classStartsAt: timestampSchema,
  status: z.enum(["attended", "no_show"]),
  markedAt: timestampSchema,
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

export const classIdRequestSchema = z.object({ classId: z.string().min(1).max(128) });
export type ClassIdRequest = z.infer<typeof classIdRequestSchema>;

export interface RsvpResponse {
  status: "confirmed" | "waitlisted";
  /** 1 = next in line. Present when waitlisted. */
  waitlistPosition?: number;
}

export interface MyRsvpResponse {
  status: AttendeeStatus | "none";
  waitlistPosition?: number;
}

export const markAttendanceRequestSchema = z.object({
  classId: z.string().min(1).max(128),
  uid: z.string().min(1).max(128),
  status: z.enum(["attended", "no_show"]),
});
export type MarkAttendanceRequest = z.infer<typeof markAttendanceRequestSchema>;

export const removeAttendeeRequestSchema = z.object({
  classId: z.string().min(1).max(128),
  uid: z.string().min(1).max(128),
});
export type RemoveAttendeeRequest = z.infer<typeof removeAttendeeRequestSchema>;
