import { describe, expect, it } from "vitest";
import { DEFAULT_CHANNELS, NOTIFICATION_TYPES } from "../../src/model/index.js";
import {
  DEFAULT_PREFERENCES,
  QUIET_HOURS_PUSH,
  localMinuteOfDay,
  minutesOfQuietLeft,
  planDelivery,
  preferencesOrDefaults,
  type Recipient,
} from "../../src/notifications/preferences.js";

const stamp = { toMillis: () => 0 };
// 2025-01-15 23:30 UTC = 23:30 in London (winter), 00:30 on the 16th in Berlin.
const LATE_EVENING_UTC = Date.UTC(2025, 0, 15, 23, 30);
const NIGHT = { start: 22 * 60, end: 7 * 60 };

const recipient = (overrides: Partial<Recipient> = {}): Recipient => ({
  prefs: DEFAULT_PREFERENCES,
  timeZone: "Europe/London",
  email: "alice@numina.test",
  tokenCount: 1,
  ...overrides,
});

describe("preferencesOrDefaults", () => {
  it("uses the documented defaults when the member never chose", () => {
    expect(preferencesOrDefaults(undefined)).toEqual(DEFAULT_PREFERENCES);
    for (const type of NOTIFICATION_TYPES) {
      expect(planDelivery(type, recipient(), 0)).toMatchObject({
        inApp: DEFAULT_CHANNELS[type].inApp,
        email: DEFAULT_CHANNELS[type].email,
      });
    }
  });

  it("treats an unreadable document as absent instead of silencing the member", () => {
    expect(preferencesOrDefaults({ channels: "everything off" })).toEqual(DEFAULT_PREFERENCES);
  });

  it("applies a member's switches per type and leaves the other types at their defaults", () => {
    const prefs = preferencesOrDefaults({
      channels: { class_cancelled: { inApp: false, push: false, email: false } },
      quietHours: null,
      updatedAt: stamp,
    });
    expect(planDelivery("class_cancelled", recipient({ prefs }), 0)).toEqual({
      inApp: false,
      push: { kind: "none", reason: "off" },
      email: false,
    });
    expect(planDelivery("waitlist_promoted", recipient({ prefs }), 0)).toEqual({
      inApp: true,
      push: { kind: "send" },
      email: true,
    });
  });
});

describe("quiet hours, in the member's time zone", () => {
  it("reads the local clock of the zone", () => {
    expect(localMinuteOfDay(LATE_EVENING_UTC, "Europe/London")).toBe(23 * 60 + 30);
    expect(localMinuteOfDay(LATE_EVENING_UTC, "Europe/Berlin")).toBe(30);
    expect(localMinuteOfDay(LATE_EVENING_UTC, "Not/AZone")).toBe(23 * 60 + 30);
  });

  it("spans midnight when start is after end", () => {
    expect(minutesOfQuietLeft(LATE_EVENING_UTC, "Europe/London", NIGHT)).toBe(7 * 60 + 30);
    expect(minutesOfQuietLeft(LATE_EVENING_UTC, "Europe/Berlin", NIGHT)).toBe(6 * 60 + 30);
    expect(minutesOfQuietLeft(Date.UTC(2025, 0, 15, 12, 0), "Europe/London", NIGHT)).toBe(0);
  });

  it("is never quiet when start equals end, or with no quiet hours", () => {
    expect(minutesOfQuietLeft(LATE_EVENING_UTC, "Europe/London", { start: 600, end: 600 })).toBe(0);
    expect(minutesOfQuietLeft(LATE_EVENING_UTC, "Europe/London", null)).toBe(0);
  });

  it("holds a cancellation's push until quiet hours end, and keeps in-app and email", () => {
    const prefs = { channels: {}, quietHours: NIGHT };
    const plan = planDelivery("class_cancelled", recipient({ prefs }), LATE_EVENING_UTC);
    expect(plan).toEqual({ inApp: true, email: true, push: { kind: "wait", atMs: Date.UTC(2025, 0, 16, 7, 0) } });
  });

  it("holds a push until 07:00 on the local clock on the nights the clocks change", () => {
    const prefs = { channels: {}, quietHours: NIGHT };
    const heldUntil = (nowMs: number) => planDelivery("match", recipient({ prefs }), nowMs).push;
    // 22:00 BST on 24 October; the clocks go back at 02:00, so 07:00 GMT is ten hours away.
    expect(heldUntil(Date.UTC(2026, 9, 24, 21, 0))).toEqual({ kind: "wait", atMs: Date.UTC(2026, 9, 25, 7, 0) });
    // 23:00 GMT on 28 March; the clocks go forward at 01:00, so 07:00 BST is seven hours away.
    expect(heldUntil(Date.UTC(2026, 2, 28, 23, 0))).toEqual({ kind: "wait", atMs: Date.UTC(2026, 2, 29, 6, 0) });
  });

  it("holds a push until the end of quiet hours that do not span midnight", () => {
    const prefs = { channels: {}, quietHours: { start: 13 * 60, end: 15 * 60 + 30 } };
    const plan = planDelivery("match", recipient({ prefs }), Date.UTC(2025, 0, 15, 14, 10, 42));
    expect(plan.push).toEqual({ kind: "wait", atMs: Date.UTC(2025, 0, 15, 15, 30) });
  });

  it("drops the push of a reminder during quiet hours", () => {
    const prefs = { channels: {}, quietHours: NIGHT };
    expect(planDelivery("class_reminder", recipient({ prefs }), LATE_EVENING_UTC).push).toEqual({
      kind: "none",
      reason: "quiet-hours",
    });
  });

  it("says for every type whether its push waits or drops", () => {
    expect(Object.keys(QUIET_HOURS_PUSH).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });
});

describe("reachability", () => {
  it("does not plan a push without a device, nor an email without an address", () => {
    const plan = planDelivery("match", recipient({ tokenCount: 0, email: null }), 0);
    expect(plan.push).toEqual({ kind: "none", reason: "no-device" });
    expect(plan.email).toBe(false);
  });
});
