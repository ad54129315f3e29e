/**
 * Roster callables (removeAttendee, markAttendance) follow the role a caller holds now: an
 * instructor demoted a moment ago still carries `instructor` on their token until it refreshes,
 * and must already be refused, while a current instructor and an admin go on working.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths, type Role } from "../../src/model/index.js";
import { applyRoleChange } from "../../src/rbac/roleStore.js";
import {
  admin,
  callError,
  closeAdmin,
  createTestUser,
  roleMirrored,
  shownMessage,
  signedInClient,
} from "../support/emulators.js";
import { createClass, rosterOf, signedInMembers, type Client } from "../support/scenarios.js";

let members: (Client & { uid: string })[] = [];
const opened: Client[] = [];

/** A signed-in account whose claim and stored role both say `role`. */
async function signedInAs(role: Role, label: string) {
  const user = await createTestUser({ label, role });
  await roleMirrored(user.uid, role);
  const client = await signedInClient(user.email, user.password);
  opened.push(client);
  return Object.assign(client, { uid: user.uid });
}

/** A class starting in half an hour (check-in is open) with `seated` members on its roster. */
async function classWithRoster(instructorId: string, seated: (Client & { uid: string })[]) {
  const classId = await createClass({ instructorId, startsAt: admin.timestamp(Date.now() + 30 * 60_000) });
  for (const m of seated) await m.call("rsvpClass", { classId });
  return classId;
}

beforeAll(async () => {
  members = await signedInMembers(2, "roster-member");
}, 60_000);
afterAll(async () => {
  await Promise.all([...members, ...opened].map((c) => c.close()));
  await closeAdmin();
});

describe("roster callables after a demotion", () => {
  it("refuse an instructor demoted to member, though their token still says instructor, and change nothing", async () => {
    const coach = await signedInAs("instructor", "demoted-coach");
    const [m, n] = members;
    const classId = await classWithRoster(coach.uid, [m!, n!]);

    await applyRoleChange(
      { auth: admin.auth, db: admin.db },
      { actorUid: null, actorLabel: "test", targetUid: coach.uid, role: "member" },
    );
    // The token the coach holds was issued before the demotion.
    expect((await coach.user.getIdTokenResult()).claims["role"]).toBe("instructor");

    const marked = await callError(coach.call("markAttendance", { classId, uid: m!.uid, status: "attended" }));
    expect(marked.code).toBe("functions/permission-denied");
    expect(shownMessage(marked)).toBe("Only instructor or admin accounts can manage a class's roster.");
    const removed = await callError(coach.call("removeAttendee", { classId, uid: n!.uid }));
    expect(removed.code).toBe("functions/permission-denied");

    const roster = await rosterOf(classId);
    expect(roster.get(m!.uid)?.["status"]).toBe("confirmed");
    expect(roster.get(n!.uid)?.["status"]).toBe("confirmed");
    expect((await admin.db.doc(paths.attendanceRecord(m!.uid, classId)).get()).exists).toBe(false);
  });

  it("refuse an admin demoted to instructor on a class that is not theirs", async () => {
    const [former, other] = await Promise.all([
      signedInAs("admin", "demoted-admin"),
      signedInAs("instructor", "other-coach"),
    ]);
    const [m] = members;
    const classId = await classWithRoster(other.uid, [m!]);
    await applyRoleChange(
      { auth: admin.auth, db: admin.db },
      { actorUid: null, actorLabel: "test", targetUid: former.uid, role: "instructor" },
    );

    const marked = await callError(former.call("markAttendance", { classId, uid: m!.uid, status: "attended" }));
    expect(marked.code).toBe("functions/permission-denied");
    expect(shownMessage(marked)).toBe("Only this class's instructor or an admin can do this.");
  });

  it("still let a current instructor run their own class, and an admin any class", async () => {
    // In parallel: each account waits on its provisioning trigger, which queues behind the rest
    // of the suite's triggers; one after the other, the two waits alone could use up the test's time.
    const [coach, boss] = await Promise.all([
      signedInAs("instructor", "current-coach"),
      signedInAs("admin", "current-admin"),
    ]);
    const [m, n] = members;
    const classId = await classWithRoster(coach.uid, [m!, n!]);

    await coach.call("markAttendance", { classId, uid: m!.uid, status: "attended" });
    await boss.call("removeAttendee", { classId, uid: n!.uid });

    const roster = await rosterOf(classId);
    expect(roster.get(m!.uid)?.["status"]).toBe("attended");
    expect(roster.get(n!.uid)?.["status"]).toBe("cancelled");
  });
});
