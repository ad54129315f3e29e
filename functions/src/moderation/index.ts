/** What other features use of moderation: the standing check every callable makes. */
export { requireGoodStanding } from "./standingStore.js";
