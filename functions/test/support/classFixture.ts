/** Valid class and roster documents for tests and benchmarks; override what a scenario needs. */
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type { Attendee, AttendeeStatus, FitnessClass } from "../../src/model/index.js";

const HOUR = 60 * 60 * 1000;

export function testClassDoc(overrides: Partial<Record<keyof FitnessClass, unknown>> = {}) {
  return {
    title: "Sunrise HIIT",
    description: "Forty minutes, all levels.",
    tags: ["hiit"],
    level: "intermediate",
    instructorId: "nobody",
    city: "london",
    startsAt: Timestamp.fromMillis(Date.now() + 48 * HOUR),
    durationMinutes: 45,
    location: { name: "Hyde Park", address: "London W2", lat: 51.507, lng: -0.165, geohash: "gcpvhe" },
    capacity: 5,
    status: "scheduled",
    confirmedCount: 0,
    waitlistCount: 0,
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
    ...overrides,
  };
}

/** Rows placed directly take tickets in the order they are made, as the seat engine would issue them. */
let lastTicket = 0;

/** A roster row as the seat engine writes it, for scenarios that place members directly. */
export function testAttendeeRow(classId: string, uid: string, status: AttendeeStatus, joinedAtMs = Date.now()) {
  const joinedAt = Timestamp.fromMillis(joinedAtMs);
  return {
    uid,
    classId,
    status,
    ticket: ++lastTicket,
    joinedAt,
    updatedAt: joinedAt,
    promotedAt: null,
    checkedInAt: null,
    classTitle: "Sunrise HIIT",
    classStartsAt: Timestamp.fromMillis(joinedAtMs + 48 * HOUR),
  } satisfies Attendee;
}
