/** The classes feature's public module: what scripts and other features may call. */
export { rsvp } from "./rsvpStore.js";
