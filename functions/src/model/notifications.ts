/** `users/{uid}/notifications/{id}`: the in-app notification centre, written only by functions. */
import { z } from "zod";
import { timestampSchema } from "./schemas.js";

export const NOTIFICATION_TYPES = [
  "match",
  "super_like",
  "message",
  "waitlist_promoted",
  "class_reminder",
  "class_cancelled",
  "role_changed",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const notificationSchema = z.object({
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string().max(200),
  body: z.string().max(1000),
  createdAt: timestampSchema,
  read: z.boolean(),
  /** Ids to deep-link to, e.g. { classId }. */
  data: z.record(z.string(), z.string()),
});
export type Notification = z.infer<typeof notificationSchema>;

/**
 * A notice a feature wants delivered, before it is stored. Features build drafts (pure code) and
 * hand them to notifications/inboxStore.ts, which owns storage and every delivery channel.
 */
export interface NoticeDraft {
  /** Deterministic, so a retried trigger or a second scheduler run never notifies twice. */
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  data: Record<string, string>;
}
