import { useEffect, useState } from "react";
import { getDoc } from "firebase/firestore";
import { profileRef } from "../profile/profileStore";

/**
 * Display names for a set of uids (instructors, roster members), read once per uid and shared
 * across pages for the session. A profile that cannot be read shows as "Unknown member".
 */
const cache = new Map<string, Promise<string>>();

function nameOf(uid: string): Promise<string> {
  let pending = cache.get(uid);
  if (!pending) {
    pending = getDoc(profileRef(uid))
      .then((snapshot) => (snapshot.exists() ? snapshot.data().displayName : "Unknown member"))
      .catch(() => "Unknown member");
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
