/**
 * The demo data set, generated from a seeded PRNG: accounts (admin, instructors, members) with
 * their public profile and private settings, and the classes of the next two weeks.
 *
 * Pure: no Firebase SDK here. Timestamps come from the injected `timestamp` factory (the seeder
 * passes the Admin SDK's Timestamp.fromMillis, the tests a stand-in), and "now" is a parameter.
 * Every entity draws from its own PRNG stream keyed by its id, so the output for one member or
 * one class never depends on how many others there are, and a class generated on Monday is the
 * same class when the seeder runs again on Wednesday.
 */
import { geohashForLocation } from "geofire-common";
import {
  AVAILABILITY_SLOTS,
  CITIES,
  INTERESTS,
  TERMS_VERSION,
  type AvailabilitySlot,
  type CityId,
  type DayPart,
  type FitnessClass,
  type FitnessLevel,
  type Interest,
  type PrivateSettings,
  type Role,
  type TimestampLike,
  type UserProfile,
} from "../../functions/src/model/index.js";
import {
  BIO_AREA,
  BIO_CLOSERS,
  BIO_GOALS,
  BIO_OPENERS,
  CITY_FLAVOUR,
  CLASS_SLOTS,
  CLASS_TEMPLATES,
  INSTRUCTOR_DISCIPLINES,
  INTEREST_PHRASES,
  INTEREST_WEIGHTS,
  VENUES,
  type ClassTemplate,
} from "./demoCatalog.js";
import { Random, hashSeed } from "./random.js";
import { addDays, dayOfWeek, isoDate, localDate, zonedTimeToUtc } from "./time.js";

export const DEMO_SEED = 20_240_601;
export const DEMO_PASSWORD = "numina-demo";
export const DEMO_EMAIL_DOMAIN = "numina.test";
/** Classes are generated for today and the 13 days after it (local dates of each city). */
export const CLASS_HORIZON_DAYS = 14;
/** Members live within this distance of their city centre. */
export const MEMBER_RADIUS_KM = 8;
const EXACT_GEOHASH_PRECISION = 10;
const DAY_MS = 86_400_000;

export const DEFAULT_COUNTS = { members: 240, instructorsPerCity: 4 } as const;

/** The logins printed by `npm start` and used by the end-to-end tests. */
export const FIXED_LOGINS = {
  admin: {
    uid: "demo-admin-001",
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Alex Morgan",
    bio: "Community team at Numina. Here to help, and always looking for a Sunday long-run partner.",
  },
  instructor: { uid: "demo-instructor-001", email: `instructor@${DEMO_EMAIL_DOMAIN}`, displayName: "Jess Carter" },
  member: { uid: "demo-member-001", email: `member@${DEMO_EMAIL_DOMAIN}`, displayName: "Maya Patel" },
} as const;

export interface DemoAccount {
  uid: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
  /** Custom claims to store. Null for members: a missing claim means member. */
  claims: { role: Role } | null;
  profile: UserProfile;
  settings: PrivateSettings;
}

export interface DemoClass {
  id: string;
  data: FitnessClass;
}

export interface DemoData {
  accounts: DemoAccount[];
  classes: DemoClass[];
}

export interface DemoDataOptions {
  now: Date;
  timestamp: (millis: number) => TimestampLike;
  seed?: number;
  members?: number;
  instructorsPerCity?: number;
}

/** A city of the catalog, with its id typed . */
type DemoCity = (typeof CITIES)[number];

interface Context {
  seed: number;
  nowMs: number;
  timestamp: (millis: number) => TimestampLike;
}

export function generateDemoData(options: DemoDataOptions): DemoData {
  const ctx: Context = { seed: options.seed ?? DEMO_SEED, nowMs: options.now.getTime(), timestamp: options.timestamp };
  const memberCount = options.members ?? DEFAULT_COUNTS.members;
  const instructorsPerCity = options.instructorsPerCity ?? DEFAULT_COUNTS.instructorsPerCity;
  const london = CITIES[0];

  const accounts: DemoAccount[] = [person(ctx, { kind: "admin", n: 1, city: london, fixed: FIXED_LOGINS.admin })];

  const instructors: Instructor[] = [];
  for (let i = 0; i < instructorsPerCity * CITIES.length; i++) {
    const n = i + 1;
    const city = CITIES[i % CITIES.length] ?? london;
    const fixed = n === 1 ? FIXED_LOGINS.instructor : undefined;
    const instructor = instructorAccount(ctx, n, city, fixed);
    instructors.push(instructor);
    accounts.push(instructor.account);
  }

  for (let n = 1; n <= memberCount; n++) {
    const city = CITIES[(n - 1) % CITIES.length] ?? london;
    const fixed = n === 1 ? FIXED_LOGINS.member : undefined;
    accounts.push(person(ctx, { kind: "member", n, city, fixed }));
  }

  return { accounts, classes: generateClasses(ctx, instructors) };
}

// ---------------------------------------------------------------------------------------------
// People

interface PersonSpec {
  kind: "admin" | "instructor" | "member";
  n: number;
  city: DemoCity;
  fixed?: { uid: string; email: string; displayName: string; bio?: string } | undefined;
  /** Instructors: what they teach, which leads their interests. */
  specialties?: readonly Interest[];
  credential?: string;
}

interface Instructor {
  account: DemoAccount;
  city: CityId;
  specialties: readonly Interest[];
}

function instructorAccount(ctx: Context, n: number, city: DemoCity, fixed: PersonSpec["fixed"]): Instructor {
  const rng = new Random(hashSeed(ctx.seed, "specialties", n));
  const discipline = rng.pick(INSTRUCTOR_DISCIPLINES);
  const specialties = rng.sample(discipline.teaches, Math.min(discipline.teaches.length, rng.int(2, 3)));
  const credential = rng.pick(discipline.credentials);
  return {
    account: person(ctx, { kind: "instructor", n, city, fixed, specialties, credential }),
    city: city.id,
    specialties,
  };
}

const ROLE_OF: Record<PersonSpec["kind"], Role> = { admin: "admin", instructor: "instructor", member: "member" };
/** Instructors get emails numbered apart from members', so two people with the same name never share one. */
const EMAIL_NUMBER_OFFSET: Record<PersonSpec["kind"], number> = { admin: 900, instructor: 500, member: 0 };

function person(ctx: Context, spec: PersonSpec): DemoAccount {
  const rng = new Random(hashSeed(ctx.seed, spec.kind, spec.n));
  const flavour = CITY_FLAVOUR[spec.city.id];
  const first = rng.pick(flavour.firstNames);
  const last = rng.pick(flavour.lastNames);
  const displayName = spec.fixed?.displayName ?? `${first} ${last}`;
  const email =
    spec.fixed?.email ??
    `${emailSlug(first)}.${emailSlug(last)}.${spec.n + EMAIL_NUMBER_OFFSET[spec.kind]}@${DEMO_EMAIL_DOMAIN}`;
  const uid = spec.fixed?.uid ?? `demo-${spec.kind}-${String(spec.n).padStart(3, "0")}`;
  const role = ROLE_OF[spec.kind];

  const fitnessLevel: FitnessLevel =
    spec.kind === "instructor"
      ? "advanced"
      : rng.weighted<FitnessLevel>([
          ["beginner", 35],
          ["intermediate", 45],
          ["advanced", 20],
        ]);
  const interests = spec.specialties
    ? [...spec.specialties, ...(rng.chance(0.5) ? pickInterests(rng, 1, spec.specialties) : [])]
    : pickInterests(rng, rng.int(2, 6), []);
  const area = rng.pick(flavour.areas);
  const bio =
    spec.fixed?.bio ??
    (spec.kind === "instructor"
      ? instructorBio(rng, spec.credential ?? "Coach", interests, area)
      : memberBio(rng, fitnessLevel, interests, area));

  const point = randomPointNear(rng, spec.city, MEMBER_RADIUS_KM);
  const geohash = geohashForLocation([point.lat, point.lng], EXACT_GEOHASH_PRECISION);
  // Members joined over the past ten months; fixed logins have been around for a while.
  const joinedDaysAgo = spec.fixed ? 120 : rng.int(2, 300);
  const createdAt = ctx.timestamp(ctx.nowMs - joinedDaysAgo * DAY_MS - rng.int(0, DAY_MS - 1));
  const updatedAt = ctx.timestamp(ctx.nowMs);

  return {
    uid,
    email,
    password: DEMO_PASSWORD,
    displayName,
    role,
    claims: role === "member" ? null : { role },
    profile: {
      displayName,
      bio,
      fitnessLevel,
      interests,
      city: spec.city.id,
      // Published by the seed from the member's matching point, which needs the server's key.
      geohash: null,
      availability: weeklyAvailability(rng),
      photoURL: null,
      onboardingComplete: true,
      role,
      disabled: false,
      createdAt,
      updatedAt,
      claimsUpdatedAt: null,
    },
    settings: {
      email,
      location: { lat: point.lat, lng: point.lng, geohash },
      timeZone: spec.city.timeZone,
      tosAcceptedAt: createdAt,
      termsVersion: TERMS_VERSION,
      updatedAt,
    },
  };
}

/** "Müller" → "muller", "O'Connor" → "oconnor": the local part of a demo email. */
export function emailSlug(name: string): string {
  return name
    .replaceAll("ß", "ss")
    .replaceAll("ı", "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Distinct interests drawn by popularity (running and strength come up more than rowing). */
function pickInterests(rng: Random, count: number, exclude: readonly Interest[]): Interest[] {
  const picked: Interest[] = [];
  while (picked.length < count) {
    const pool = INTERESTS.filter((i) => !picked.includes(i) && !exclude.includes(i));
    if (pool.length === 0) break;
    picked.push(rng.weighted(pool.map((i) => [i, INTEREST_WEIGHTS[i]] as const)));
  }
  return picked;
}

function fill(template: string, interests: readonly Interest[], area: string): string {
  const i1 = INTEREST_PHRASES[interests[0] ?? "running"];
  const i2 = INTEREST_PHRASES[interests[1] ?? interests[0] ?? "running"];
  return template
    .replaceAll("{I1}", i1.charAt(0).toUpperCase() + i1.slice(1))
    .replaceAll("{i1}", i1)
    .replaceAll("{i2}", i2)
    .replaceAll("{area}", area);
}

function memberBio(rng: Random, level: FitnessLevel, interests: readonly Interest[], area: string): string {
  const sentences: string[] = [rng.pick(BIO_OPENERS[level])];
  if (rng.chance(0.7)) sentences.push(rng.pick(BIO_GOALS));
  if (rng.chance(0.8)) sentences.push(rng.pick(BIO_AREA));
  if (rng.chance(0.5)) sentences.push(rng.pick(BIO_CLOSERS));
  return fill(sentences.join(" "), interests, area);
}

const INSTRUCTOR_STYLE = [
  "Every exercise has an easier and a harder option.",
  "Classes start on time and finish with a proper stretch.",
  "Expect good music and clear cues.",
  "I love coaching people who think they are not sporty.",
  "Small groups, lots of individual feedback.",
];

function instructorBio(rng: Random, credential: string, interests: readonly Interest[], area: string): string {
  const taught = interests.map((i) => INTEREST_PHRASES[i]);
  const list = taught.length > 1 ? `${taught.slice(0, -1).join(", ")} and ${taught.at(-1) ?? ""}` : (taught[0] ?? "");
  return [
    `${credential} with ${rng.int(3, 15)} years of coaching.`,
    `I teach ${list} around ${area}.`,
    rng.pick(INSTRUCTOR_STYLE),
  ].join(" ");
}

/** A uniformly random point within `radiusKm` of the city centre (flat-earth approximation, fine at 8 km). */
function randomPointNear(rng: Random, city: DemoCity, radiusKm: number): { lat: number; lng: number } {
  const distance = radiusKm * Math.sqrt(rng.float());
  const bearing = 2 * Math.PI * rng.float();
  const kmPerDegree = 111.32;
  const lat = city.lat + (distance * Math.cos(bearing)) / kmPerDegree;
  const lng = city.lng + (distance * Math.sin(bearing)) / (kmPerDegree * Math.cos((city.lat * Math.PI) / 180));
  return { lat: round6(lat), lng: round6(lng) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const WEEKDAYS_ONLY = ["mon", "tue", "wed", "thu", "fri"] as const;
const slots = (days: readonly string[], parts: readonly DayPart[]) =>
  days.flatMap((d) => parts.map((p) => `${d}:${p}` as AvailabilitySlot));

/** Weekly routines people actually have, as pools of slots to draw from. */
const AVAILABILITY_PATTERNS: readonly (readonly [readonly AvailabilitySlot[], number])[] = [
  // Office hours: after work, and weekend mornings.
  [[...slots(WEEKDAYS_ONLY, ["evening"]), ...slots(["sat", "sun"], ["morning", "afternoon"])], 40],
  // Early bird: before work, and early at weekends.
  [[...slots(WEEKDAYS_ONLY, ["morning"]), ...slots(["sat", "sun"], ["morning"]), "wed:evening"], 20],
  // Lunch-break trainer.
  [[...slots(WEEKDAYS_ONLY, ["midday"]), "tue:evening", "thu:evening", "sat:morning", "sun:afternoon"], 15],
  // Weekend warrior.
  [[...slots(["sat", "sun"], ["morning", "midday", "afternoon", "evening"]), "fri:evening", "wed:evening"], 15],
  // Shifts or studies: anything goes.
  [AVAILABILITY_SLOTS, 10],
];

function weeklyAvailability(rng: Random): AvailabilitySlot[] {
  const pool = rng.weighted(AVAILABILITY_PATTERNS);
  const size = rng.int(3, 10);
  const picked = rng.sample(pool, Math.min(pool.length, size));
  // Routines have exceptions: now and then a slot outside the pattern (a Wednesday lunch, say).
  const extras = size > pool.length ? size - pool.length : rng.chance(0.3) ? 1 : 0;
  const outside = AVAILABILITY_SLOTS.filter((s) => !picked.includes(s));
  picked.push(...rng.sample(outside, Math.min(extras, 10 - picked.length)));
  return AVAILABILITY_SLOTS.filter((s) => picked.includes(s));
}

// ---------------------------------------------------------------------------------------------
// Classes

interface SlotTime {
  hour: number;
  minute: number;
  part: DayPart;
}

function suits(template: ClassTemplate, slot: SlotTime, weekend: boolean): boolean {
  if (template.weekendOnly && !weekend) return false;
  return !template.parts || template.parts.includes(slot.part);
}

/** A class id per city, local date and start time, e.g. "berlin-2025-03-04-1830". */
export function classId(city: CityId, date: string, slot: { hour: number; minute: number }): string {
  return `${city}-${date}-${String(slot.hour).padStart(2, "0")}${String(slot.minute).padStart(2, "0")}`;
}

function generateClasses(ctx: Context, instructors: readonly Instructor[]): DemoClass[] {
  const classes: DemoClass[] = [];
  const horizonEnd = ctx.nowMs + CLASS_HORIZON_DAYS * DAY_MS;
  for (const city of CITIES) {
    const teachers = instructors.filter((i) => i.city === city.id);
    const today = localDate(new Date(ctx.nowMs), city.timeZone);
    for (let offset = 0; offset < CLASS_HORIZON_DAYS; offset++) {
      const date = addDays(today, offset);
      const day = isoDate(date);
      const dow = dayOfWeek(date);
      const weekend = dow === 0 || dow === 6;
      const daySlots: readonly SlotTime[] =
        dow === 6 ? CLASS_SLOTS.saturday : dow === 0 ? CLASS_SLOTS.sunday : CLASS_SLOTS.weekday;
      // Which slots run that day depends on the city and date only, so re-runs agree.
      const dayRng = new Random(hashSeed(ctx.seed, "class-day", city.id, day));
      const chosen = dayRng.sample(daySlots, dayRng.int(2, 3));
      for (const slot of chosen) {
        const startsAt = zonedTimeToUtc(date, slot.hour, slot.minute, city.timeZone);
        if (startsAt <= ctx.nowMs || startsAt > horizonEnd) continue; // earlier today, or past the horizon
        const id = classId(city.id, day, slot);
        classes.push({ id, data: fitnessClass(ctx, id, city, teachers, slot, weekend, startsAt) });
      }
    }
  }
  return classes.sort((a, b) => a.data.startsAt.toMillis() - b.data.startsAt.toMillis() || a.id.localeCompare(b.id));
}

function fitnessClass(
  ctx: Context,
  id: string,
  city: DemoCity,
  teachers: readonly Instructor[],
  slot: SlotTime,
  weekend: boolean,
  startsAt: number,
): FitnessClass {
  const rng = new Random(hashSeed(ctx.seed, "class", id));
  const options = teachers.flatMap((teacher) =>
    teacher.specialties.flatMap((interest) =>
      CLASS_TEMPLATES[interest]
        .filter((t) => suits(t, slot, weekend))
        .map((template) => ({ teacher, interest, template })),
    ),
  );
  const { teacher, interest, template } = rng.pick(options);
  const venue = rng.pick(VENUES[city.id].filter((v) => v.hosts.includes(interest)));
  const now = ctx.timestamp(ctx.nowMs);
  return {
    title: template.title,
    description: template.description,
    tags: [interest, ...(template.alsoTags ?? [])],
    level: rng.pick(template.levels),
    instructorId: teacher.account.uid,
    city: city.id,
    startsAt: ctx.timestamp(startsAt),
    durationMinutes: template.durationMinutes,
    location: {
      name: venue.name,
      address: venue.address,
      lat: venue.lat,
      lng: venue.lng,
      geohash: geohashForLocation([venue.lat, venue.lng], EXACT_GEOHASH_PRECISION),
    },
    capacity: rng.int(template.capacity[0], template.capacity[1]),
    status: "scheduled",
    confirmedCount: 0,
    waitlistCount: 0,
    createdAt: now,
    updatedAt: now,
  };
}

// ---------------------------------------------------------------------------------------------
// RSVPs

/** Who RSVPs to which class, in arrival order. */
export interface DemoRsvps {
  classId: string;
  uids: string[];
}

/**
 * RSVPs that make the demo show every state: the fixed instructor's first class is full with a
 * waitlist (the fixed member holds a seat), their other classes are part-booked, and the fixed
 * member has two more classes on their schedule. Members only join classes in their own city.
 */
export function generateDemoRsvps(data: DemoData, seed = DEMO_SEED): DemoRsvps[] {
  const memberUids = (city: string) =>
    data.accounts
      .filter((a) => a.role === "member" && a.profile.city === city && a.uid !== FIXED_LOGINS.member.uid)
      .map((a) => a.uid);
  const plan: DemoRsvps[] = [];
  const taught = data.classes.filter((c) => c.data.instructorId === FIXED_LOGINS.instructor.uid);
  taught.forEach((c, i) => {
    const rng = new Random(hashSeed(seed, "rsvps", c.id));
    const wanted = i === 0 ? c.data.capacity + 3 : rng.int(1, Math.max(1, Math.floor(c.data.capacity / 2)));
    const others = rng.sample(memberUids(c.data.city), wanted);
    // The fixed member arrives early enough for a seat in the full class.
    plan.push({ classId: c.id, uids: i === 0 ? [FIXED_LOGINS.member.uid, ...others] : others });
  });
  const memberCity = data.accounts.find((a) => a.uid === FIXED_LOGINS.member.uid)?.profile.city;
  const moreForMember = data.classes
    .filter((c) => c.data.city === memberCity && c.data.instructorId !== FIXED_LOGINS.instructor.uid)
    .slice(0, 2);
  for (const c of moreForMember) plan.push({ classId: c.id, uids: [FIXED_LOGINS.member.uid] });
  return plan;
}
