/** The classes feature's public module: what scripts and other features may call. */
export { eraseRsvp, leave, rsvp } from "./rsvpStore.js";
