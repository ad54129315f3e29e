/** Messages, each member's state in a conversation, and the messaging callables' payloads. */
import { z } from "zod";
import { REPORT_REASONS } from "./matching.js";
import { timestampSchema } from "./schemas.js";

export const MESSAGE_LIMITS = {
  textMax: 2000,
  /** How far ahead a typing member may announce themselves; firestore.rules caps it too. */
  typingWindowMs: 6_000,
  /** A typing member writes at most this often, not once per keystroke. */
  typingThrottleMs: 3_000,
  /** Characters of the last message shown in the inbox and in notifications. */
  previewMax: 140,
} as const;

/**
 * `conversations/{id}/messages/{messageId}`: written by members under rules. The id is chosen by
 * the sender's client, so a resend after a dropped connection lands on the same document (and
 * the rules refuse a second create). A deleted message stays as a tombstone: empty text,
 * `deleted: true`.
 */
export const messageSchema = z.object({
  senderId: z.string().min(1),
  text: z.string().max(MESSAGE_LIMITS.textMax),
  createdAt: timestampSchema,
  deleted: z.boolean().default(false),
});
export type Message = z.infer<typeof messageSchema>;

/** What a member types: rules check the same bounds. */
export const messageTextSchema = z
  .string()
  .max(MESSAGE_LIMITS.textMax)
  .refine((text) => text.trim().length > 0, "Write something first");

/**
 * `conversations/{id}/members/{uid}`: one member's own state. Functions create it when the member
 * joins (fields they own: `left`); the member updates `lastReadAt` (request time), `muted` and
 * `typingUntil`. Fields default so that a document opened without a read (see
 * messaging/conversationStore.ts) still parses.
 */
export const conversationMemberSchema = z.object({
  uid: z.string().min(1),
  lastReadAt: timestampSchema.nullable().default(null),
  muted: z.boolean().default(false),
  /** Left a group: no longer in memberIds, and class RSVPs do not bring them back. */
  left: z.boolean().default(false),
  typingUntil: timestampSchema.nullable().default(null),
});
export type ConversationMember = z.infer<typeof conversationMemberSchema>;

const idSchema = z.string().min(1).max(256);

export const conversationIdRequestSchema = z.object({ conversationId: idSchema });
export type ConversationIdRequest = z.infer<typeof conversationIdRequestSchema>;

export const reportMessageRequestSchema = z.object({
  conversationId: idSchema,
  messageId: idSchema,
  reason: z.enum(REPORT_REASONS),
  details: z.string().max(1000).default(""),
});
export type ReportMessageRequest = z.input<typeof reportMessageRequestSchema>;

export interface ReportMessageResponse {
  reportId: string;
  /** The caller had already reported this message: nothing new was filed. */
  alreadyReported: boolean;
}
