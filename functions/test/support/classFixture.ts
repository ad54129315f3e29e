/** A valid, scheduled class document for tests and benchmarks; override what a scenario needs. */
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type { FitnessClass } from "../../src/model/index.js";

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
