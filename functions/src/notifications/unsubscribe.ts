/**
 * One-click email unsubscribe: a link that carries the member, the topic and an HMAC of both, so
 * the link works without signing in and cannot be forged for someone else.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { EMAIL_TOPICS, type EmailTopic } from "../model/index.js";

export function unsubscribeSignature(secret: string, uid: string, topic: EmailTopic): string {
  return createHmac("sha256", secret).update(`unsubscribe\n${uid}\n${topic}`).digest("base64url");
}

export function unsubscribeUrl(baseUrl: string, secret: string, uid: string, topic: EmailTopic): string {
  const url = new URL(baseUrl);
  url.searchParams.set("u", uid);
  url.searchParams.set("t", topic);
  url.searchParams.set("s", unsubscribeSignature(secret, uid, topic));
  return url.toString();
}

/** The member and topic of a genuine link, or null for anything else. */
export function verifyUnsubscribe(
  secret: string,
  params: { u?: unknown; t?: unknown; s?: unknown },
): { uid: string; topic: EmailTopic } | null {
  const { u, t, s } = params;
  if (typeof u !== "string" || typeof t !== "string" || typeof s !== "string" || u.length === 0) return null;
  if (!(EMAIL_TOPICS as readonly string[]).includes(t)) return null;
  const topic = t as EmailTopic;
  const expected = Buffer.from(unsubscribeSignature(secret, u, topic));
  const given = Buffer.from(s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { uid: u, topic };
}
