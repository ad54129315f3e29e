/** Shapes shared by messaging and the features that open conversations (matches, classes). */
import { z } from "zod";
import { timestampSchema } from "./schemas.js";

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
