import { describe, expect, it } from "vitest";
import { MESSAGE_WINDOW_MS, otherMessageQuotaPlan, planMessageQuota } from "../../src/model/index.js";

const T0 = Date.UTC(2026, 11, 1, 9, 0);

describe("planMessageQuota", () => {
  it("starts a window for a first message, and again once its minute has passed", () => {
    expect(planMessageQuota(null, T0, 20)).toEqual({ kind: "newWindow" });
    expect(planMessageQuota({ windowStartedAtMs: T0, count: 20 }, T0 + MESSAGE_WINDOW_MS, 20)).toEqual({
      kind: "newWindow",
    });
  });

  it("counts one more while there is room, then says how long to wait", () => {
    expect(planMessageQuota({ windowStartedAtMs: T0, count: 19 }, T0 + 5_000, 20)).toEqual({ kind: "bump", count: 20 });
    expect(planMessageQuota({ windowStartedAtMs: T0, count: 20 }, T0 + 45_000, 20)).toEqual({
      kind: "wait",
      retryAfterMs: 15_000,
    });
  });
});

describe("otherMessageQuotaPlan (the server's clock disagreed)", () => {
  const current = { windowStartedAtMs: T0, count: 3 };

  it("turns a refused new window into a bump while there is room, and a refused bump into a new window", () => {
    expect(otherMessageQuotaPlan({ kind: "newWindow" }, current, 20)).toEqual({ kind: "bump", count: 4 });
    expect(otherMessageQuotaPlan({ kind: "newWindow" }, { ...current, count: 20 }, 20)).toBeNull();
    expect(otherMessageQuotaPlan({ kind: "bump", count: 4 }, current, 20)).toEqual({ kind: "newWindow" });
  });

  it("has nothing else to try for a first message", () => {
    expect(otherMessageQuotaPlan({ kind: "newWindow" }, null, 20)).toBeNull();
  });
});
