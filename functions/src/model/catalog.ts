/**
 * Fixed vocabularies shared by the web client, the functions and the security rules.
 * firestore.rules repeats these lists (rules cannot import code); tests/rules checks that the
 * two stay in sync, so edit here and run the tests.
 */

export const ROLES = ["admin", "instructor", "member"] as const;
export type Role = (typeof ROLES)[number];

export const FITNESS_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type FitnessLevel = (typeof FITNESS_LEVELS)[number];

export const INTERESTS = [
  "running",
  "cycling",
  "swimming",
  "strength",
  "hiit",
  "yoga",
  "pilates",
  "boxing",
  "climbing",
  "crossfit",
  "dance",
  "hiking",
  "tennis",
  "rowing",
  "martial-arts",
  "calisthenics",
] as const;
export type Interest = (typeof INTERESTS)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Parts of the day a member can say they are free to train. */
export const DAY_PARTS = ["morning", "midday", "afternoon", "evening"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/** A weekly availability slot, e.g. "tue:evening". */
export type AvailabilitySlot = `${Weekday}:${DayPart}`;
export const AVAILABILITY_SLOTS: readonly AvailabilitySlot[] = WEEKDAYS.flatMap((day) =>
  DAY_PARTS.map((part) => `${day}:${part}` as const),
);

export interface City {
  id: string;
  name: string;
  country: string;
  lat: number;
  lng: number;
  timeZone: string;
}

export const CITIES = [
  { id: "london", name: "London", country: "GB", lat: 51.5072, lng: -0.1276, timeZone: "Europe/London" },
  { id: "berlin", name: "Berlin", country: "DE", lat: 52.52, lng: 13.405, timeZone: "Europe/Berlin" },
  { id: "lisbon", name: "Lisbon", country: "PT", lat: 38.7223, lng: -9.1393, timeZone: "Europe/Lisbon" },
] as const satisfies readonly City[];
export type CityId = (typeof CITIES)[number]["id"];
export const CITY_IDS = CITIES.map((c) => c.id) as [CityId, ...CityId[]];

export function cityById(id: string): City | undefined {
  return CITIES.find((c) => c.id === id);
}

/**
 * Public profiles carry a geohash cut to this many characters (a cell of roughly 5 km × 5 km), so
 * nobody can read a member's exact position from their profile. The exact point stays private.
 */
export const PUBLIC_GEOHASH_PRECISION = 5;

export const PROFILE_LIMITS = {
  displayNameMax: 60,
  bioMax: 500,
  interestsMax: 10,
} as const;

/**
 * The effective role of a token's `role` claim. No claim means `member`: new accounts carry no
 * claim at all (see accounts/provisioning.ts), and firestore.rules reads a missing claim the same way.
 */
export function roleFromClaim(claim: unknown): Role {
  return claim === "admin" || claim === "instructor" || claim === "member" ? claim : "member";
}
