import { describe, expect, it } from "vitest";
import { planRoleChange, roleChangedNotice, roleHeldNow } from "../../src/rbac/roles.js";
import { DomainError } from "../../src/shared/errors.js";

describe("planRoleChange", () => {
  it("changes the role claim and keeps every other claim", () => {
    const plan = planRoleChange(
      { actorUid: "admin", targetUid: "u1", nextRole: "instructor" },
      { role: "member", beta: true },
    );
    expect(plan).toEqual({
      changed: true,
      previousRole: "member",
      nextRole: "instructor",
      claims: { role: "instructor", beta: true },
    });
  });

  it("treats an account without a claim as a member", () => {
    const plan = planRoleChange({ actorUid: "admin", targetUid: "u1", nextRole: "member" }, undefined);
    expect(plan.changed).toBe(false);
    expect(plan.previousRole).toBe("member");
  });

  it("refuses an admin changing their own role, but lets the CLI (no actor) do anything", () => {
    const own = () => planRoleChange({ actorUid: "a1", targetUid: "a1", nextRole: "member" }, { role: "admin" });
    expect(own).toThrow(DomainError);
    expect(own).toThrow(/own role/);
    expect(planRoleChange({ actorUid: null, targetUid: "a1", nextRole: "member" }, { role: "admin" }).changed).toBe(
      true,
    );
  });
});

describe("roleChangedNotice", () => {
  it("tells the member their new role, once per change (the id is the audit entry's)", () => {
    expect(roleChangedNotice("audit-1", "member", "instructor")).toEqual({
      id: "role_changed-audit-1",
      type: "role_changed",
      title: "You are now an instructor",
      body: "You can now create classes and run their rosters.",
      data: {},
      aboutUids: [],
    });
    expect(roleChangedNotice("audit-2", "admin", "member").body).toBe(
      "Your Numina account changed from an admin to a member.",
    );
  });
});

describe("roleHeldNow", () => {
  it("is the lower of the token's claim and the stored role, so a demotion holds before the token refreshes", () => {
    expect(roleHeldNow("instructor", "member")).toBe("member");
    expect(roleHeldNow("admin", "instructor")).toBe("instructor");
    expect(roleHeldNow("member", "admin")).toBe("member");
    expect(roleHeldNow("instructor", "instructor")).toBe("instructor");
  });

  it("counts a missing profile as member", () => {
    expect(roleHeldNow("admin", undefined)).toBe("member");
  });
});
