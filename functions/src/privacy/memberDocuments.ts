/**
 * Where a member's documents are, for each entry of the data inventory: a document path, a
 * collection of theirs, or a query on a field that holds their uid. Pure: no Firebase.
 * memberDocumentStore.ts runs these, a page at a time; the data export reads the member's own
 * documents, and account deletion reads both sides.
 *
 *   own    the member's own data: what they wrote, what Numina keeps for them (their export).
 *   about  other members' documents that name them: a like of them, their card in someone's
 *          Discover queue, a notice that says their name. Deletion treats these too; the export
 *          leaves them out, because they are other people's data (GDPR art. 15(4)).
 */
import { RATE_LIMIT_NAMES, collections, paths, ratingSummaryId, type RateLimitName } from "../model/index.js";
import type { DocumentPathName } from "./dataInventory.js";

export type Side = "own" | "about";

/** Rate limits counted per member uid; the others count a hash of an email address or an IP. */
export const UID_RATE_LIMITS = RATE_LIMIT_NAMES.filter(
  (name) => name !== "passwordResetPerAddress" && name !== "passwordResetPerCaller",
) satisfies readonly RateLimitName[];

export type FieldMatch = { field: string; op: "==" | "array-contains" };

export type MemberDocumentFinder =
  /** Known documents, by path. */
  | { kind: "docs"; paths: (uid: string) => string[] }
  /** Every document of one of the member's own collections. */
  | { kind: "collection"; path: (uid: string) => string }
  /** A query on a top-level collection, on a field holding the uid. */
  | ({ kind: "query"; collection: string } & FieldMatch)
  /**
   * The same on a collection group (every collection of that id, at any depth). `depth` keeps only
   * documents with that many path segments, where two kinds of collection share an id (`reports`
   * holds member reports at the top and review reports under reviews).
   */
  | ({ kind: "group"; group: string; depth?: number } & FieldMatch);

export interface MemberDocumentSource {
  entry: DocumentPathName;
  side: Side;
  find: MemberDocumentFinder;
}

const docs = (entry: DocumentPathName, path: (uid: string) => string, side: Side = "own"): MemberDocumentSource => ({
  entry,
  side,
  find: { kind: "docs", paths: (uid) => [path(uid)] },
});
const collection = (entry: DocumentPathName, path: (uid: string) => string): MemberDocumentSource => ({
  entry,
  side: "own",
  find: { kind: "collection", path },
});
const query = (
  entry: DocumentPathName,
  side: Side,
  collection: string,
  field: string,
  op: FieldMatch["op"] = "==",
): MemberDocumentSource => ({ entry, side, find: { kind: "query", collection, field, op } });
const group = (
  entry: DocumentPathName,
  side: Side,
  groupId: string,
  field: string,
  op: FieldMatch["op"] = "==",
  depth?: number,
): MemberDocumentSource => ({
  entry,
  side,
  find: { kind: "group", group: groupId, field, op, ...(depth === undefined ? {} : { depth }) },
});

/**
 * Every place a member's uid can be, by inventory entry. A test holds it to the inventory: each
 * entry tied to a member has a source, and each uid field the inventory names is queried here.
 */
export const MEMBER_DOCUMENT_SOURCES: readonly MemberDocumentSource[] = [
  // ---- Accounts and roles
  docs("user", paths.user),
  docs("privateSettings", paths.privateSettings),
  query("auditLog", "own", collections.auditLogs, "targetUid"),
  query("auditLog", "own", collections.auditLogs, "actorUid"),

  // ---- Classes
  query("class", "own", collections.classes, "instructorId"),
  group("attendee", "own", collections.attendees, "uid"),
  collection("attendanceRecord", paths.attendance),

  // ---- Matching
  docs("matchPreferences", paths.matchPreferences),
  collection("matchAction", paths.matchActions),
  group("matchAction", "about", "matchActions", "targetUid"),
  docs("superLikeQuota", paths.superLikeQuota),
  collection("block", paths.blocks),
  group("block", "about", "blocks", "blockedUid"),
  query("match", "own", collections.matches, "userIds", "array-contains"),
  collection("candidate", paths.candidates),
  group("candidate", "about", "candidates", "uid"),
  docs("candidateQueueState", paths.candidateQueueState),

  // ---- Messaging
  query("conversation", "own", collections.conversations, "memberIds", "array-contains"),
  // A group they left whose last message is still theirs.
  query("conversation", "own", collections.conversations, "lastMessage.senderId"),
  group("message", "own", collections.messages, "senderId"),
  group("conversationMember", "own", "members", "uid"),
  group("messageReceipt", "own", collections.messageReceipts, "senderId"),
  // Receipts no longer list whom a message counted; older ones do until retention deletes them.
  group("messageReceipt", "about", collections.messageReceipts, "counted", "array-contains"),
  group("messageEvidence", "own", collections.messageEvidence, "senderId"),

  // ---- Notifications
  collection("notification", paths.notifications),
  group("notification", "about", collections.notifications, "aboutUids", "array-contains"),
  docs("notificationPreferences", paths.notificationPreferences),
  collection("notificationDelivery", paths.notificationDeliveries),
  group("notificationDelivery", "about", collections.notificationDeliveries, "aboutUids", "array-contains"),
  collection("device", paths.devices),
  query("mail", "own", collections.mail, "uid"),
  query("mail", "about", collections.mail, "aboutUids", "array-contains"),

  // ---- Reports and moderation
  query("report", "own", collections.reports, "reporterId"),
  query("report", "about", collections.reports, "subjectUid"),
  docs("moderation", paths.moderation),

  // ---- Limits
  docs("messageQuota", paths.messageQuota),
  {
    entry: "rateLimit",
    side: "own",
    find: { kind: "docs", paths: (uid) => UID_RATE_LIMITS.map((name) => paths.rateLimit(name, uid)) },
  },

  // ---- Reviews
  group("review", "own", collections.reviews, "uid"),
  group("review", "about", collections.reviews, "instructorId"),
  group("reviewReport", "own", collections.reports, "reporterId", "==", 6),
  docs("ratingSummary", (uid) => paths.ratingSummary(ratingSummaryId("instructor", uid))),

  // ---- Partner feedback
  query("partnerFeedback", "own", collections.partnerFeedback, "authorUid"),
  query("partnerFeedback", "about", collections.partnerFeedback, "subjectUid"),
  docs("reliability", paths.reliability),

  // ---- Privacy
  query("dataExport", "own", collections.dataExports, "uid"),
  group("dataExportPart", "own", "parts", "uid"),
  docs("accountDeletion", paths.accountDeletion),

  // ---- Social (the counts after the connections: severing a pair counts it down)
  collection("connection", paths.connections),
  group("connection", "about", collections.connections, "otherUid"),
  docs("socialCounts", paths.socialCounts),
  docs("socialSettings", paths.socialSettings),
  query("activity", "own", collections.activities, "authorId"),
  collection("feedEntry", paths.feed),
  group("feedEntry", "about", collections.feed, "authorId"),
  group("kudos", "own", collections.kudos, "uid"),
  group("kudos", "about", collections.kudos, "activityAuthorId"),
  group("activityComment", "own", collections.comments, "authorId"),
  group("activityComment", "about", collections.comments, "activityAuthorId"),
];
