import { describe, expect, it } from "vitest";
import { setUserRoleRequestSchema } from "../../src/model/index.js";
import { DomainError } from "../../src/shared/errors.js";
import { parseOrThrow } from "../../src/shared/validation.js";

describe("parseOrThrow", () => {
  it("returns the parsed value for good input", () => {
    expect(parseOrThrow(setUserRoleRequestSchema, { uid: "u1", role: "admin" }, "request")).toEqual({
      uid: "u1",
      role: "admin",
    });
  });

  it("throws invalid-argument naming every bad field path", () => {
    let caught: unknown;
    try {
      parseOrThrow(setUserRoleRequestSchema, { uid: "", role: "owner" }, "setUserRole request");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(/^Invalid setUserRole request: uid: .+; role: /);
    expect(error.details).toEqual({ fields: ["uid", "role"] });
  });

  it("names the root when the payload is not an object at all", () => {
    expect(() => parseOrThrow(setUserRoleRequestSchema, "admin", "request")).toThrow(/\(root\)/);
  });
});
