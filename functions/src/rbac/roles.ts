/** Who may change whose role, and what a change does. Pure: no Firebase imports. */
import { roleFromClaim, type NoticeDraft, type Role } from "../model/index.js";
import { DomainError } from "../shared/errors.js";

export interface RoleChangeRequest {
  actorUid: string | null; // null: an operator using service credentials (the CLI)
  targetUid: string;
  nextRole: Role;
}

export interface RoleChangePlan {
  changed: boolean;
  previousRole: Role;
  nextRole: Role;
  /** The full custom-claims object to store: other claims are kept. */
  claims: Record<string, unknown>;
}

/**
 * Admins cannot change their own role: it is the one way to lock the last admin out, and it is
 * never what an admin means to do from the users page. Another admin (or the CLI) can.
 */
export function ensureMayChangeRole(request: RoleChangeRequest): void {
  if (request.actorUid !== null && request.actorUid === request.targetUid) {
    throw new DomainError("failed-precondition", "You cannot change your own role. Ask another admin.");
  }
}

export function planRoleChange(
  request: RoleChangeRequest,
  currentClaims: Record<string, unknown> | undefined,
): RoleChangePlan {
  ensureMayChangeRole(request);
  // No claim is an implicit member (model/catalog.ts).
  const previousRole = roleFromClaim(currentClaims?.["role"]);
  return {
    changed: previousRole !== request.nextRole,
    previousRole,
    nextRole: request.nextRole,
    claims: { ...currentClaims, role: request.nextRole },
  };
}

const ROLE_WORDS: Readonly<Record<Role, string>> = {
  admin: "an admin",
  instructor: "an instructor",
  member: "a member",
};

/** What the member is told about a change of their role. `changeId` is the audit entry's id: one notice per change. */
export function roleChangedNotice(changeId: string, previousRole: Role, nextRole: Role): NoticeDraft {
  return {
    id: `role_changed-${changeId}`,
    type: "role_changed",
    title: `You are now ${ROLE_WORDS[nextRole]}`,
    body:
      nextRole === "instructor"
        ? "You can now create classes and run their rosters."
        : `Your Numina account changed from ${ROLE_WORDS[previousRole]} to ${ROLE_WORDS[nextRole]}.`,
    data: {},
    aboutUids: [],
  };
}

const RANK: Readonly<Record<Role, number>> = { member: 0, instructor: 1, admin: 2 };

/**
 * The role a caller holds now, from the claim on their token and the profile's mirror. A claim
 * outlives a demotion until the token refreshes (up to an hour), and applyRoleChange moves the
 * mirror only after the claim: so the lower of the two is the role in force. No profile counts as
 * `member`.
 */
export function roleHeldNow(claimed: Role, stored: Role | undefined): Role {
  const mirror = stored ?? "member";
  return RANK[mirror] < RANK[claimed] ? mirror : claimed;
}
