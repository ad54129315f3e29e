/**
 * A member's rights over their data (GDPR and UK GDPR, art. 15, 17 and 20): the data export they
 * download and the account deletion they can cancel. What each document holds and what export
 * and deletion do with it is the data inventory (functions/src/privacy/dataInventory.ts).
 */
import { z } from "zod";
import { timestampSchema, uidIdSchema } from "./primitives.js";

// ---------------------------------------------------------------------------------------------
// Data export

/** The archive's format name; docs/privacy.md describes it. A breaking change is a new number. */
export const EXPORT_FORMAT = "numina-export/1";

export const EXPORT_LIMITS = {
  /** How long a finished archive can be downloaded before it is deleted. */
  availableDays: 7,
  /**
   * UTF-16 units of the archive's JSON text per part document: at most 3 bytes each in UTF-8, so a
   * part stays under Firestore's 1 MiB document limit whatever the language of the messages.
   */
  partChars: 300_000,
  /** Documents read per page while building, so a large history is never loaded at once. */
  pageSize: 200,
} as const;

export const EXPORT_STATUSES = ["building", "ready", "failed"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * `dataExports/{exportId}`: one export a member asked for (functions only; the member reads their
 * own). The archive is the concatenation of the text of its parts, in order.
 */
export const dataExportSchema = z.object({
  uid: z.string().min(1),
  status: z.enum(EXPORT_STATUSES),
  requestedAt: timestampSchema,
  readyAt: timestampSchema.nullable(),
  /** After this the archive is gone: the member asks again. */
  expiresAt: timestampSchema,
  /** Parts written so far; the final count once ready. */
  partCount: z.number().int().min(0),
  /** Characters of the whole archive, once ready. */
  size: z.number().int().min(0),
  /** Documents per inventory entry, once ready (the summary's numbers). */
  counts: z.record(z.string(), z.number().int().min(0)),
  error: z.string().nullable(),
});
export type DataExport = z.infer<typeof dataExportSchema>;

/** `dataExports/{exportId}/parts/{index}`: a slice of the archive's text (the member reads it). */
export const dataExportPartSchema = z.object({
  uid: z.string().min(1),
  index: z.number().int().min(0),
  text: z.string(),
  expiresAt: timestampSchema,
});
export type DataExportPart = z.infer<typeof dataExportPartSchema>;

/** Part ids sort in order as strings too, so a console listing reads in archive order. */
export const exportPartId = (index: number): string => String(index).padStart(5, "0");

export const requestDataExportRequestSchema = z.object({}).strict();
export interface RequestDataExportResponse {
  exportId: string;
}

// ---------------------------------------------------------------------------------------------
// Account deletion

/** How long a member has to change their mind after asking to delete their account. */
export const DELETION_GRACE_DAYS = 14;
/** A deletion needs a sign-in this recent (minutes): whoever picked up an unlocked phone cannot. */
export const DELETION_REAUTH_MINUTES = 5;

export const DELETION_STATUSES = ["scheduled", "deleting", "deleted"] as const;
export type DeletionStatus = (typeof DELETION_STATUSES)[number];

/**
 * `accountDeletions/{uid}`: a pending or running deletion (functions only; the member and admins
 * read it). Cancelling deletes the document. Once `deleted`, it holds no more than the uid and
 * dates, and is itself removed by retention (see docs/privacy.md).
 */
export const accountDeletionSchema = z.object({
  status: z.enum(DELETION_STATUSES),
  requestedAt: timestampSchema,
  /** The member themselves, or the admin who deleted the account. */
  requestedBy: z.string().min(1),
  byAdmin: z.boolean(),
  /** When the grace period ends and the deletion runs. */
  deleteAfter: timestampSchema,
  startedAt: timestampSchema.nullable(),
  deletedAt: timestampSchema.nullable(),
  /** Steps of privacy/deletionStore.ts already finished, so a retried run resumes after them. */
  stepsDone: z.array(z.string()),
});
export type AccountDeletion = z.infer<typeof accountDeletionSchema>;

export const requestAccountDeletionRequestSchema = z.object({}).strict();
export interface RequestAccountDeletionResponse {
  deleteAfterMs: number;
}
export const cancelAccountDeletionRequestSchema = z.object({}).strict();
export interface CancelAccountDeletionResponse {
  cancelled: boolean;
}
export const adminDeleteAccountRequestSchema = z.object({
  uid: uidIdSchema,
  reason: z.string().trim().min(1).max(500),
});
export interface AdminDeleteAccountResponse {
  uid: string;
}

/**
 * Who a deleted member's leftovers are attributed to: the sender of their scrubbed messages, the
 * instructor of their past classes. Not a uid Firebase Auth issues (those have no dash).
 */
export const DELETED_MEMBER_ID = "deleted-member";
export const DELETED_MEMBER_NAME = "A deleted member";
