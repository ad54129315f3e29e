import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "./fieldErrors";

const venue = z.object({
  title: z.string().min(1, "too short"),
  tags: z.array(z.enum(["run", "yoga"])).max(2),
  location: z.object({ name: z.string().min(1), lat: z.number().min(-90).max(90) }),
});

function errorOf(value: unknown): z.ZodError {
  const parsed = venue.safeParse(value);
  if (parsed.success) throw new Error("expected the value to fail");
  return parsed.error;
}

const FIELD_AT = { title: "title", tags: "tags", "location.name": "venue", location: "where" } as const;

describe("fieldErrors: a zod error as messages beside form fields", () => {
  it("is empty when there is no error", () => {
    expect(fieldErrors(undefined, FIELD_AT)).toEqual({});
  });

  it("puts each issue on the field mapped to the longest start of its path", () => {
    const error = errorOf({ title: "", tags: ["run", "swim"], location: { name: "", lat: 100 } });
    const found = fieldErrors(error, FIELD_AT);
    expect(Object.keys(found).sort()).toEqual(["tags", "title", "venue", "where"]);
    expect(found.title).toBe("too short");
    // tags.1 is an invalid member: it belongs to the tags field. location.lat has no field of its
    // own, so the location's catches it.
    expect(found.tags).toBe(error.issues.find((i) => i.path[0] === "tags")?.message);
    expect(found.where).toBe(error.issues.find((i) => i.path.join(".") === "location.lat")?.message);
  });

  it("prefers the form's wording, and keeps the first issue of a field", () => {
    const error = errorOf({ title: "", tags: ["swim", "dance", "x"], location: { name: "ok", lat: 0 } });
    const found = fieldErrors(error, FIELD_AT, { tags: "Pick up to 2 activities." });
    expect(found).toEqual({ title: "too short", tags: "Pick up to 2 activities." });
  });

  it("leaves out issues that no field shows", () => {
    const error = errorOf({ title: "x", tags: [], location: { name: "", lat: 0 } });
    expect(fieldErrors(error, { title: "title" })).toEqual({});
  });

  it("does not mistake inherited object keys for fields", () => {
    const schema = z.object({ constructor: z.string() });
    const parsed = schema.safeParse({ constructor: 1 });
    expect(fieldErrors(parsed.error, { title: "title" })).toEqual({});
  });
});
