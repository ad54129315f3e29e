/** Documents and payloads of the classes feature: classes, RSVPs, waitlists, attendance. */
import { z } from "zod";
import { citySchema, fitnessLevelSchema, interestSchema } from "./accounts.js";
import { cityById } from "./catalog.js";
import { documentIdSchema, timestampSchema, uidIdSchema, uidSchema } from "./primitives.js";

export const CLASS_STATUSES = ["scheduled", "cancelled"] as const;
export const classLocationSchema = z.object({
  name: z.string().min(1).max(120),
  address: z.string().max(240),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  geohash: z.string().regex(/^[0-9b-hjkmnp-z]{1,12}$/),
});

/** Fields of `classes/{id}` that its instructor (or an admin) writes. */
export const classEditSchema = z.object({
  title: z.string().trim().min(1).max(120),
  description: z.string().max(2000),
  tags: z.array(interestSchema).max(10),
  level: fitnessLevelSchema,
  instructorId: uidSchema,
  city: citySchema,
  startsAt: timestampSchema,
  durationMinutes: z.number().int().min(10).max(480),
  location: classLocationSchema,
  capacity: z.number().int().min(1).max(500),
  status: z.enum(CLASS_STATUSES),
  /** Set on create to repeat the class weekly: functions create the next occurrences. */
  recurrence: z
    .object({ weeks: z.number().int().min(1).max(12) })
    .nullable()
    .optional(),
});
/** `classes/{id}`: counts are server-owned, kept exact by the seat engine (functions/src/classes/seatStore.ts). */
export const classSchema = classEditSchema.extend({
  confirmedCount: z.number().int().min(0),
  waitlistCount: z.number().int().min(0),
  /** Server-owned: RSVPs taken so far; the next one's ticket is this + 1. Absent before the first. */
  ticketsIssued: z.number().int().min(0).optional(),
  /** Server-owned: the class this one was generated from by a weekly recurrence. */
  seriesId: z.string().nullable().optional(),
  /** Server-owned: which of its notices went out: reminders ("24h", "1h"), the review prompt. */
  remindersSent: z.array(z.string()).optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type FitnessClass = z.infer<typeof classSchema>;

/** When a class ends: reviews, partner feedback and their prompts open then. */
export const classEndsAtMs = (cls: { startsAtMs: number; durationMinutes: number }): number =>
  cls.startsAtMs + cls.durationMinutes * 60_000;

/** A class happens in its city: its times (recurrence, notices, the web) are read in the city's zone. */
export const classTimeZone = (city: string): string => cityById(city)?.timeZone ?? "UTC";

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
  /**
   * The current RSVP's place in line: issued in arrival order by the seat engine, unique in the
   * class; a member who leaves and joins again takes a new one (functions/src/classes/line.ts).
   */
  ticket: z.number().int().min(1),
  /** When the current RSVP was committed. Several RSVPs committed together share it: order by ticket. */
  joinedAt: timestampSchema,
  updatedAt: timestampSchema,
  promotedAt: timestampSchema.nullable(),
  checkedInAt: timestampSchema.nullable(),
  classTitle: z.string(),
  classStartsAt: timestampSchema,
  /**
   * Whether the member's RSVP was answered "waitlisted": only they are told "you're in" when
   * promoted; a member seated by their own RSVP was told "confirmed".
   */
  toldWaitlisted: z.boolean().optional(),
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

export const classIdRequestSchema = z.object({ classId: documentIdSchema });
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
  classId: documentIdSchema,
  uid: uidIdSchema,
  status: z.enum(["attended", "no_show"]),
});
export type MarkAttendanceRequest = z.infer<typeof markAttendanceRequestSchema>;

export const removeAttendeeRequestSchema = z.object({
  classId: documentIdSchema,
  uid: uidIdSchema,
});
export type RemoveAttendeeRequest = z.infer<typeof removeAttendeeRequestSchema>;
