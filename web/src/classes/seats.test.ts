import { describe, expect, it } from "vitest";
import { attendeeStatusLabel, formatDistance, seatsLeft, seatsText, waitlistText } from "./seats";

describe("seats in words", () => {
  it("never counts fewer than zero seats left", () => {
    expect(seatsLeft({ capacity: 10, confirmedCount: 4, waitlistCount: 0 })).toBe(6);
    expect(seatsLeft({ capacity: 2, confirmedCount: 3, waitlistCount: 0 })).toBe(0);
  });

  it("says how many seats are left, or how long the waitlist is", () => {
    expect(seatsText({ capacity: 20, confirmedCount: 17, waitlistCount: 0 })).toBe("3 of 20 seats left");
    expect(seatsText({ capacity: 1, confirmedCount: 0, waitlistCount: 0 })).toBe("1 of 1 seat left");
    expect(seatsText({ capacity: 20, confirmedCount: 20, waitlistCount: 4 })).toBe("Full — 4 on the waitlist");
    expect(seatsText({ capacity: 20, confirmedCount: 20, waitlistCount: 0 })).toBe("Full");
  });

  it("rounds distances to what matters at each scale", () => {
    expect(formatDistance(0.004)).toBe("10 m");
    expect(formatDistance(0.847)).toBe("850 m");
    expect(formatDistance(2.34)).toBe("2.3 km");
    expect(formatDistance(12.6)).toBe("13 km");
  });

  it("labels states and waitlist places the same way everywhere", () => {
    expect(attendeeStatusLabel("cancelled")).toBe("Left");
    expect(attendeeStatusLabel("no_show")).toBe("No-show");
    expect(waitlistText(3)).toBe("You're #3 on the waitlist");
  });
});
