import { DELETED_MEMBER_ID, DELETED_MEMBER_NAME } from "@numina/model";
import { useEffect, useState } from "react";
import { loadProfile } from "../profile/profileStore";

const UNKNOWN = "Unknown member";

/**
 * Display names for a set of uids (instructors, roster members, people in a chat), read once per
 * uid and shared across pages for the session. A profile that cannot be read shows as "Unknown member".
 */
const cache = new Map<string, Promise<string>>();

function nameOf(uid: string): Promise<string> {
  // What account deletion leaves in a chat or a class: shown as such, not as a profile gone missing.
  if (uid === DELETED_MEMBER_ID) return Promise.resolve(DELETED_MEMBER_NAME);
  let pending = cache.get(uid);
  if (!pending) {
    pending = loadProfile(uid)
      .then((profile) => profile?.displayName ?? UNKNOWN)
      .catch(() => UNKNOWN);
    cache.set(uid, pending);
  }
  return pending;
}

export function usePeople(uids: readonly string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(uids)].sort().join(",");
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    const wanted = key.split(",");
    void Promise.all(wanted.map(async (uid) => [uid, await nameOf(uid)] as const)).then((entries) => {
      if (!cancelled) setNames((current) => ({ ...current, ...Object.fromEntries(entries) }));
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return names;
}
