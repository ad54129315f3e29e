import { describe, expect, it } from "vitest";
import { devicesBeyondCap, type DeviceAge } from "../../src/notifications/deviceCap.js";

const device = (id: string, updatedAtMs: number | null): DeviceAge => ({ id, updatedAtMs });

describe("devicesBeyondCap", () => {
  it("drops nothing at or under the cap", () => {
    expect(devicesBeyondCap([], 2)).toEqual([]);
    expect(devicesBeyondCap([device("a", 1), device("b", 2)], 2)).toEqual([]);
  });

  it("drops the devices registered longest ago, whatever order they come in", () => {
    const devices = [device("mid", 20), device("newest", 30), device("oldest", 5), device("old", 10)];
    expect(devicesBeyondCap(devices, 2)).toEqual(["old", "oldest"]);
    expect(devicesBeyondCap([...devices].reverse(), 3)).toEqual(["oldest"]);
  });

  it("drops an unreadable device before any dated one", () => {
    expect(devicesBeyondCap([device("broken", null), device("a", 1), device("b", 2)], 2)).toEqual(["broken"]);
  });

  it("breaks ties by id, so every run drops the same ones", () => {
    const devices = [device("c", 7), device("a", 7), device("b", 7)];
    expect(devicesBeyondCap(devices, 1)).toEqual(["b", "c"]);
    expect(devicesBeyondCap([...devices].reverse(), 1)).toEqual(["b", "c"]);
  });
});
