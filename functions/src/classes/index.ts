/** The classes feature's public module: what scripts and other features may call. */
export { leave, rsvp } from "./rsvpStore.js";
export { refreshSeatCounts } from "./seatStore.js";
