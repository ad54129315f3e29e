import {
  getClassRecommendationsRequestSchema,
  getPartnerMatchesRequestSchema,
  setMatchPreferencesRequestSchema,
  setMyLocationRequestSchema,
  unmatchRequestSchema,
  type GetClassRecommendationsResponse,
  type GetPartnerMatchesResponse,
} from "../model/index.js";
import { defineCallable } from "../shared/callable.js";
import { db } from "../shared/firebase.js";
import { setMyLocation as moveTo } from "./locationStore.js";
import { unmatch as dissolve } from "./matchStore.js";
import { saveMatchPreferences } from "./preferencesStore.js";
import { pageOfPartners } from "./queuePageStore.js";
import { recommendClasses } from "./recommendationStore.js";

/** `getPartnerMatches({ limit?, cursor? })` → a page of the caller's Discover queue, best first. */
export const getPartnerMatches = defineCallable(
  "getPartnerMatches",
  getPartnerMatchesRequestSchema,
  (input, caller): Promise<GetPartnerMatchesResponse> => pageOfPartners(db(), caller.uid, input),
);

/**
 * `setMatchPreferences({ maxDistanceKm?, fitnessLevels?, interests?, audience?, discoverable? })`:
 * replaces the caller's Discover preferences; rate-limited, since each save rebuilds queues.
 */
export const setMatchPreferences = defineCallable(
  "setMatchPreferences",
  setMatchPreferencesRequestSchema,
  async (input, caller) => {
    await saveMatchPreferences(db(), caller.uid, input, Date.now());
    return { ok: true };
  },
);

/** `unmatch({ uid })`: ends the caller's match with `uid`; the conversation closes for both. */
export const unmatch = defineCallable("unmatch", unmatchRequestSchema, async (input, caller) => {
  await dissolve(db(), caller.uid, input.uid);
  return { ok: true };
});

/** `getClassRecommendations({ limit? })` → upcoming classes near the caller, best first, with reasons. */
export const getClassRecommendations = defineCallable(
  "getClassRecommendations",
  getClassRecommendationsRequestSchema,
  (input, caller): Promise<GetClassRecommendationsResponse> =>
    recommendClasses(db(), caller.uid, input.limit ?? 10, Date.now()),
);

/** `setMyLocation({ lat, lng })`: the caller's exact point, private; counted against `locationChange`. */
export const setMyLocation = defineCallable("setMyLocation", setMyLocationRequestSchema, (input, caller) =>
  moveTo(db(), caller.uid, input),
);
