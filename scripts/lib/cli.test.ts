import { describe, expect, it } from "vitest";
import { parseSetRoleArgs } from "./cli.js";
import { cliTarget, emulatorTargetFromEnv } from "./target.js";

describe("set-role arguments", () => {
  it("accepts an email and a role, with an optional project", () => {
    expect(parseSetRoleArgs(["a@b.test", "instructor"])).toEqual({
      email: "a@b.test",
      role: "instructor",
      project: undefined,
    });
    expect(parseSetRoleArgs(["a@b.test", "admin", "--project", "numina-prod"])).toMatchObject({
      project: "numina-prod",
    });
    expect(parseSetRoleArgs(["--project=numina-prod", "a@b.test", "member"])).toMatchObject({
      role: "member",
      project: "numina-prod",
    });
  });

  it("rejects bad input with a reason", () => {
    expect(parseSetRoleArgs([])).toBe("expected an email and a role");
    expect(parseSetRoleArgs(["a@b.test", "owner"])).toBe('"owner" is not a role');
    expect(parseSetRoleArgs(["nobody", "admin"])).toBe('"nobody" is not an email address');
    expect(parseSetRoleArgs(["a@b.test", "admin", "--project"])).toBe("--project needs a project id");
    expect(parseSetRoleArgs(["a@b.test", "admin", "extra"])).toBe("unexpected argument extra");
  });
});

describe("targets", () => {
  it("lets the seeder run only when both emulator hosts are set", () => {
    expect(emulatorTargetFromEnv({ FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" })).toMatch(
      /FIREBASE_AUTH_EMULATOR_HOST is not set/,
    );
    expect(emulatorTargetFromEnv({})).toMatch(/^refusing to run/);
    expect(emulatorTargetFromEnv({ FIRESTORE_EMULATOR_HOST: "h:1", FIREBASE_AUTH_EMULATOR_HOST: "h:2" })).toEqual({
      kind: "emulators",
      projectId: "demo-numina",
      firestoreHost: "h:1",
      authHost: "h:2",
    });
  });

  it("points the CLI at the emulators by default, and at a real project only with --project", () => {
    const local = cliTarget({}, undefined);
    expect(local.target.kind).toBe("emulators");
    expect(local.env).toMatchObject({
      FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080",
      FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099",
    });
    const remote = cliTarget({ FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" }, "numina-prod");
    expect(remote.target).toEqual({ kind: "project", projectId: "numina-prod" });
    expect(remote.env["FIRESTORE_EMULATOR_HOST"]).toBeUndefined();
    expect(remote.env["FIREBASE_AUTH_EMULATOR_HOST"]).toBeUndefined();
  });
});
