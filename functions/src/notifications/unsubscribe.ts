/**
 * One-click email unsubscribe: a link that carries the member, the topic and an HMAC of both, so
 * the link works without signing in and cannot be forged for someone else.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { EMAIL_TOPICS, uidIdSchema, type EmailTopic } from "../model/index.js";

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

/**
 * The member and topic of a genuine link, or null for anything else. The uid reaches a document
 * path, so it must be a document id as well as signed: a link is only as safe as its signer.
 */
export function verifyUnsubscribe(
  secret: string,
  params: { u?: unknown; t?: unknown; s?: unknown },
): { uid: string; topic: EmailTopic } | null {
  const { u, t, s } = params;
  const uid = uidIdSchema.safeParse(u);
  if (!uid.success || typeof t !== "string" || typeof s !== "string") return null;
  if (!(EMAIL_TOPICS as readonly string[]).includes(t)) return null;
  const topic = t as EmailTopic;
  const expected = Buffer.from(unsubscribeSignature(secret, uid.data, topic));
  const given = Buffer.from(s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { uid: uid.data, topic };
}
