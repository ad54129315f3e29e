import { describe, expect, it } from "vitest";
import { consumeWindow, retryAfterText } from "../../src/limits/window.js";

const HOUR = { max: 3, windowMinutes: 60 };
const T0 = Date.UTC(2026, 11, 1, 9, 0);

describe("consumeWindow", () => {
  it("allows max places in a window and refuses the next, saying when the window ends", () => {
    let stored;
    for (let i = 1; i <= 3; i += 1) {
      const decision = consumeWindow(stored, HOUR, T0 + i * 60_000);
      expect(decision).toMatchObject({ allowed: true, next: { count: i } });
      if (decision.allowed) stored = decision.next;
    }
    expect(consumeWindow(stored, HOUR, T0 + 10 * 60_000)).toEqual({ allowed: false, retryAfterMs: 51 * 60_000 });
  });

  it("starts a new window once the old one has ended", () => {
    const full = { windowStartMs: T0, count: 3 };
    expect(consumeWindow(full, HOUR, T0 + 60 * 60_000)).toEqual({
      allowed: true,
      next: { windowStartMs: T0 + 60 * 60_000, count: 1 },
      windowEndsMs: T0 + 120 * 60_000,
    });
  });

  it("does not let a counter from the future (a clock jump) block a subject for good", () => {
    expect(consumeWindow({ windowStartMs: T0 + 10 * 60 * 60_000, count: 3 }, HOUR, T0)).toMatchObject({
      allowed: true,
    });
  });

  it("refuses everything when the limit is 0", () => {
    expect(consumeWindow(undefined, { max: 0, windowMinutes: 60 }, T0)).toEqual({
      allowed: false,
      retryAfterMs: 60 * 60_000,
    });
  });
});

describe("retryAfterText", () => {
  it("says minutes under an hour and a half, hours beyond", () => {
    expect(retryAfterText(1)).toBe("in 1 minute");
    expect(retryAfterText(51 * 60_000)).toBe("in 51 minutes");
    expect(retryAfterText(23 * 60 * 60_000)).toBe("in 23 hours");
  });
});
