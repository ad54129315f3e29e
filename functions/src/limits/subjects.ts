/**
 * Who a limit counts against when it is not a signed-in member: an email address or a caller's
 * IP, kept only as a hash, in counters that expire with their window. Pure.
 */
import { createHash } from "node:crypto";

/** The subject id for an email address (case and surrounding space ignored). */
export const emailSubject = (email: string): string =>
  createHash("sha256").update(`email\n${email.trim().toLowerCase()}`).digest("base64url");

/** The subject id for a caller's IP address. */
export const callerSubject = (ip: string): string => createHash("sha256").update(`ip\n${ip}`).digest("base64url");
