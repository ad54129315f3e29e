import { describe, expect, it } from "vitest";
import { humanize } from "./format";

describe("humanize", () => {
  it("turns vocabulary values into words", () => {
    expect(humanize("martial-arts")).toBe("Martial arts");
    expect(humanize("beginner")).toBe("Beginner");
    expect(humanize("hiit")).toBe("HIIT");
    expect(humanize("")).toBe("");
  });
});
