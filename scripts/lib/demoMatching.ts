/**
 * Demo data for Discover: every demo member gets match preferences (discoverable, within 15 km),
 * and the members nearest to member@numina.test have already liked her, so liking one of them back
 * in Discover makes a match at once. Pure: chooses documents, writes nothing.
 */
import { distanceBetween } from "geofire-common";
import { demoMatchPartners } from "./demoConversations.js";
import { FIXED_LOGINS, type DemoAccount } from "./demoData.js";

export const DEMO_MATCH_PREFERENCES = { maxDistanceKm: 15, discoverable: true } as const;
/** How many of the nearest members have liked the demo member. */
export const DEMO_ADMIRERS = 3;

export function demoAdmirers(accounts: readonly DemoAccount[]): DemoAccount[] {
  const me = accounts.find((a) => a.uid === FIXED_LOGINS.member.uid);
  const here = me?.settings.location;
  if (!me || !here) return [];
  // Her demo matches already liked her; an admirer is someone she has yet to answer.
  const matched = new Set(demoMatchPartners(accounts).map((a) => a.uid));
  return accounts
    .filter(
      (a) =>
        a.role === "member" &&
        a.uid !== me.uid &&
        !matched.has(a.uid) &&
        a.settings.location &&
        a.profile.city === me.profile.city,
    )
    .map((a) => ({
      a,
      km: distanceBetween([here.lat, here.lng], [a.settings.location!.lat, a.settings.location!.lng]),
    }))
    .sort((x, y) => x.km - y.km || x.a.uid.localeCompare(y.a.uid))
    .slice(0, DEMO_ADMIRERS)
    .map(({ a }) => a);
}
