/**
 * Conversations (shared with the features that open them: matches, classes), messages, each
 * member's state in a conversation, and the messaging callables' payloads.
 */
import { z } from "zod";
import { documentIdSchema, timestampSchema } from "./primitives.js";

export const CONVERSATION_TYPES = ["direct", "group"] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

export const CONVERSATION_STATUSES = ["open", "closed"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** A match's conversation shares the match's id (the pair id), so both are found from either. */
export const directConversationId = (pairId: string): string => pairId;
/** One group conversation per class, for its confirmed attendees and instructor. */
export const classConversationId = (classId: string): string => `class_${classId}`;

/** `conversations/{id}`: written only by functions. */
export const conversationSchema = z.object({
  type: z.enum(CONVERSATION_TYPES),
  memberIds: z.array(z.string()),
  /** Groups only. */
  title: z.string().nullable(),
  status: z.enum(CONVERSATION_STATUSES),
  /** What the conversation belongs to: the match's pair id or the class id. */
  matchId: z.string().nullable(),
  classId: z.string().nullable(),
  /**
   * Absent until the first message: opening a conversation writes without reading (it runs inside
   * the matching transaction after that transaction's reads), so it cannot initialise it to null.
   */
  lastMessage: z.object({ text: z.string(), senderId: z.string(), sentAt: timestampSchema }).nullable().default(null),
  unreadCounts: z.record(z.string(), z.number().int().min(0)),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Conversation = z.infer<typeof conversationSchema>;

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
  /** A moderator took it down (a tombstone the sender did not choose). */
  removedByModerator: z.boolean().default(false),
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

/**
 * `conversations/{id}/receipts/{messageId}`: functions only, no client access. Created in the one
 * batch that applies a message (its counters, preview and in-app notices), so a redelivered event
 * is refused as a whole and nothing is counted or noticed twice. Only a marker: it does not list
 * whom the message counted, which in a 500-member class chat was 499 uids per message and most of
 * a burst's commit (ADR 0014).
 */
export const messageReceiptSchema = z.object({
  senderId: z.string().min(1),
  appliedAt: timestampSchema,
});
export type MessageReceipt = z.infer<typeof messageReceiptSchema>;

export const conversationIdRequestSchema = z.object({ conversationId: documentIdSchema });
export type ConversationIdRequest = z.infer<typeof conversationIdRequestSchema>;

/**
 * How long a deleted message's text is kept for moderators. Long enough for a member to report
 * harassment they only noticed later; short enough that deleting still means gone, in time.
 */
export const MESSAGE_EVIDENCE_DAYS = 90;

/**
 * `conversations/{id}/evidence/{messageId}`: functions only, admins read. Written in the same
 * transaction that tombstones a message, so deleting cannot destroy what a report needs; removed
 * by the TTL policy on `expiresAt`.
 */
export const messageEvidenceSchema = z.object({
  senderId: z.string().min(1),
  text: z.string().max(MESSAGE_LIMITS.textMax),
  sentAt: timestampSchema,
  deletedAt: timestampSchema,
  expiresAt: timestampSchema,
});
export type MessageEvidence = z.infer<typeof messageEvidenceSchema>;

export const messageRequestSchema = z.object({ conversationId: documentIdSchema, messageId: documentIdSchema });
export type MessageRequest = z.infer<typeof messageRequestSchema>;

export interface DeleteMessageResponse {
  /** The message had already been deleted: nothing changed. */
  alreadyDeleted: boolean;
}
