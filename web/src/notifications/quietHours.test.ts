import { describe, expect, it } from "vitest";
import { minutesToTime, timeToMinutes } from "./quietHours";

describe("quiet hours in a time input", () => {
  it("shows minutes after midnight as HH:MM", () => {
    expect(minutesToTime(0)).toBe("00:00");
    expect(minutesToTime(7 * 60 + 5)).toBe("07:05");
    expect(minutesToTime(23 * 60 + 59)).toBe("23:59");
  });

  it("shows nothing for what is not a minute of the day", () => {
    expect(minutesToTime(Number.NaN)).toBe("");
    expect(minutesToTime(24 * 60)).toBe("");
    expect(minutesToTime(-1)).toBe("");
  });

  it("reads HH:MM (and HH:MM:SS) back", () => {
    expect(timeToMinutes("22:00")).toBe(22 * 60);
    expect(timeToMinutes("07:30:15")).toBe(7 * 60 + 30);
    expect(timeToMinutes(minutesToTime(601))).toBe(601);
  });

  it("reads a cleared or malformed box as no time, not midnight", () => {
    expect(timeToMinutes("")).toBeNaN();
    expect(timeToMinutes("7:30")).toBeNaN();
    expect(timeToMinutes("25:00")).toBeNaN();
  });
});
