/** What other features use of moderation: the standing check every callable makes. */
export { requireGoodStanding } from "./standingStore.js";
export { audit, type Moderator } from "./moderationStore.js";
