/** Data access for the admin users page: a paginated directory and the setUserRole callable. */
import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  collections,
  type Role,
  type SetUserRoleRequest,
  type SetUserRoleResponse,
  type UserProfile,
} from "@numina/model";
import { db, functions } from "../firebase";
import { profileConverter } from "../profile/profileStore";
import { InvalidDocumentError } from "../shared/converters";

export type UserCursor = QueryDocumentSnapshot<UserProfile>;

export type UserRow = { uid: string; profile: UserProfile } | { uid: string; invalid: string };

export interface UsersPage {
  rows: UserRow[];
  /** Pass to the next call to continue after this page; null on the last page. */
  next: UserCursor | null;
}

/**
 * One page of users ordered by name, optionally only names starting with `prefix` (Firestore range
 * queries are case-sensitive, so the prefix is matched as typed).
 */
export async function listUsers(options: {
  pageSize: number;
  prefix?: string;
  after?: UserCursor | null;
}): Promise<UsersPage> {
  const constraints: QueryConstraint[] = [];
  const prefix = options.prefix?.trim();
  if (prefix) {
    constraints.push(where("displayName", ">=", prefix), where("displayName", "<", `${prefix}\uf8ff`));
  }
  constraints.push(orderBy("displayName"));
  if (options.after) constraints.push(startAfter(options.after));
  // One extra document tells whether another page exists without a count query.
  constraints.push(limit(options.pageSize + 1));

  const snapshot = await getDocs(
    query(collection(db, collections.users).withConverter(profileConverter), ...constraints),
  );
  const docs = snapshot.docs.slice(0, options.pageSize);
  const rows = docs.map((doc): UserRow => {
    try {
      return { uid: doc.id, profile: doc.data() };
    } catch (error) {
      // One malformed document must not hide the rest of the directory from the admin.
      if (error instanceof InvalidDocumentError) return { uid: doc.id, invalid: error.issues };
      throw error;
    }
  });
  const last = docs.at(-1);
  return { rows, next: snapshot.docs.length > options.pageSize && last ? last : null };
}

const setUserRoleCallable = httpsCallable<SetUserRoleRequest, SetUserRoleResponse>(functions, "setUserRole");

export async function setUserRole(uid: string, role: Role): Promise<SetUserRoleResponse> {
  return (await setUserRoleCallable({ uid, role })).data;
}
