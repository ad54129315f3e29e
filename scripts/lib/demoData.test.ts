import { describe, expect, it } from "vitest";
import {
  CITIES,
  classSchema,
  privateSettingsSchema,
  userProfileSchema,
  type FitnessClass,
  type TimestampLike,
} from "../../functions/src/model/index.js";
import { VENUES, CLASS_TEMPLATES } from "./demoCatalog.js";
import {
  CLASS_HORIZON_DAYS,
  DEMO_PASSWORD,
  FIXED_LOGINS,
  emailSlug,
  generateDemoData,
  generateDemoRsvps,
} from "./demoData.js";

/** Stands in for Firestore's Timestamp: the schemas only ask for toMillis(). */
class FakeTimestamp implements TimestampLike {
  constructor(private readonly millis: number) {}
  toMillis(): number {
    return this.millis;
  }
}

const NOW = new Date("2025-03-27T10:15:00Z"); // the week Europe moves its clocks (30 March)
const generate = (now = NOW) => generateDemoData({ now, timestamp: (ms) => new FakeTimestamp(ms) });
const data = generate();
const byRole = (role: string) => data.accounts.filter((a) => a.role === role);

describe("demo data", () => {
  it("has at least the promised numbers of members, instructors, classes and one admin", () => {
    expect(byRole("member").length).toBeGreaterThanOrEqual(200);
    expect(byRole("instructor").length).toBeGreaterThanOrEqual(10);
    expect(byRole("admin")).toHaveLength(1);
    expect(data.classes.length).toBeGreaterThanOrEqual(60);
  });

  it("is the same for the same seed and date", () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(data));
  });

  it("gives a class the same content when generated on a later day", () => {
    const later = generate(new Date(NOW.getTime() + 2 * 86_400_000));
    const laterById = new Map(later.classes.map((c) => [c.id, c.data]));
    const shared = data.classes.filter((c) => laterById.has(c.id));
    expect(shared.length).toBeGreaterThan(40);
    // Only the write timestamps may differ: they record when the seeder ran.
    const content = (c: FitnessClass) => ({ ...c, createdAt: null, updatedAt: null });
    for (const c of shared) expect(content(laterById.get(c.id) ?? c.data)).toEqual(content(c.data));
  });

  it("has unique uids, emails and class ids", () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(data.accounts.map((a) => a.uid))).toBe(true);
    expect(unique(data.accounts.map((a) => a.email))).toBe(true);
    expect(unique(data.classes.map((c) => c.id))).toBe(true);
  });

  it("generates documents that pass the model's schemas", () => {
    for (const account of data.accounts) {
      expect(userProfileSchema.safeParse(account.profile).error).toBeUndefined();
      expect(privateSettingsSchema.safeParse(account.settings).error).toBeUndefined();
    }
    for (const c of data.classes) expect(classSchema.safeParse(c.data).error).toBeUndefined();
  });

  it("includes the fixed demo logins with their roles and the shared password", () => {
    const find = (uid: string) => data.accounts.find((a) => a.uid === uid);
    expect(find(FIXED_LOGINS.admin.uid)).toMatchObject({
      email: "admin@numina.test",
      role: "admin",
      claims: { role: "admin" },
    });
    expect(find(FIXED_LOGINS.instructor.uid)).toMatchObject({
      email: "instructor@numina.test",
      role: "instructor",
      profile: { city: "london" },
    });
    expect(find(FIXED_LOGINS.member.uid)).toMatchObject({
      email: "member@numina.test",
      role: "member",
      claims: null,
      profile: { city: "london", onboardingComplete: true },
    });
    expect(data.accounts.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
  });

  it("covers every city with members, at least 3 instructors and classes", () => {
    for (const city of CITIES) {
      expect(byRole("member").filter((a) => a.profile.city === city.id).length).toBeGreaterThanOrEqual(50);
      expect(byRole("instructor").filter((a) => a.profile.city === city.id).length).toBeGreaterThanOrEqual(3);
      expect(data.classes.filter((c) => c.data.city === city.id).length).toBeGreaterThanOrEqual(20);
    }
  });

  it("keeps members near their city centre, publishing no cell of the private point", () => {
    for (const { profile, settings } of data.accounts) {
      const city = CITIES.find((c) => c.id === profile.city);
      const location = settings.location;
      if (!city || !location) throw new Error(`incomplete demo account in ${String(profile.city)}`);
      expect(Math.abs(location.lat - city.lat)).toBeLessThan(0.08); // ~8.9 km
      // The seed publishes the cell of the matching point (matching/matchingPoint.ts) instead.
      expect(profile.geohash).toBeNull();
      expect(settings.timeZone).toBe(city.timeZone);
      expect(profile.availability.length).toBeGreaterThanOrEqual(3);
      expect(profile.availability.length).toBeLessThanOrEqual(10);
    }
  });

  it("varies fitness levels, interests and bios", () => {
    const members = byRole("member");
    expect(new Set(members.map((m) => m.profile.fitnessLevel)).size).toBe(3);
    expect(members.every((m) => m.profile.interests.length >= 2 && m.profile.interests.length <= 6)).toBe(true);
    expect(new Set(members.map((m) => m.profile.bio)).size).toBeGreaterThan(members.length * 0.9);
  });

  it("schedules every class in the next 14 days, taught by an instructor of its city", () => {
    const instructors = new Map(byRole("instructor").map((a) => [a.uid, a.profile.city]));
    for (const c of data.classes) {
      const startsAt = c.data.startsAt.toMillis();
      expect(startsAt).toBeGreaterThan(NOW.getTime());
      expect(startsAt).toBeLessThanOrEqual(NOW.getTime() + CLASS_HORIZON_DAYS * 86_400_000);
      expect(instructors.get(c.data.instructorId)).toBe(c.data.city);
      expect(c.data.capacity).toBeGreaterThanOrEqual(8);
      expect(c.data.capacity).toBeLessThanOrEqual(30);
      expect(c.id.startsWith(`${c.data.city}-`)).toBe(true);
    }
  });

  it("starts classes at the local hour in their id, across the DST change", () => {
    const lisbon = data.classes.filter((c) => c.data.city === "lisbon");
    for (const c of lisbon) {
      const local = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Lisbon",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(new Date(c.data.startsAt.toMillis()));
      expect(c.id.slice(-4)).toBe(local.replace(":", ""));
    }
  });

  it("has a venue for every interest in every city", () => {
    for (const city of CITIES) {
      for (const interest of Object.keys(CLASS_TEMPLATES)) {
        expect(VENUES[city.id].some((v) => (v.hosts as readonly string[]).includes(interest))).toBe(true);
      }
    }
  });

  it("makes ASCII email names", () => {
    expect(emailSlug("Müller")).toBe("muller");
    expect(emailSlug("Yılmaz")).toBe("yilmaz");
    expect(emailSlug("O'Connor")).toBe("oconnor");
    expect(emailSlug("Gonçalves")).toBe("goncalves");
  });
});

describe("demo RSVPs", () => {
  const plan = generateDemoRsvps(data);
  const classOf = (id: string) => data.classes.find((c) => c.id === id)!.data;
  const accountOf = (uid: string) => data.accounts.find((a) => a.uid === uid)!;

  it("fills the demo instructor's first class past capacity, with the demo member holding a seat", () => {
    const first = plan[0]!;
    const cls = classOf(first.classId);
    expect(cls.instructorId).toBe(FIXED_LOGINS.instructor.uid);
    expect(first.uids.length).toBe(cls.capacity + 4);
    expect(first.uids[0]).toBe(FIXED_LOGINS.member.uid);
  });

  it("puts the demo member on three classes' lists", () => {
    expect(plan.filter((p) => p.uids.includes(FIXED_LOGINS.member.uid))).toHaveLength(3);
  });

  it("has members join only classes in their own city, once each", () => {
    for (const { classId, uids } of plan) {
      expect(new Set(uids).size).toBe(uids.length);
      for (const uid of uids) {
        expect(accountOf(uid).role).toBe("member");
        expect(accountOf(uid).profile.city).toBe(classOf(classId).city);
      }
    }
  });

  it("is the same on every run", () => {
    expect(generateDemoRsvps(generate())).toEqual(plan);
  });
});
