/**
 * The data inventory: every kind of document Numina stores, what it holds about a member, how it
 * is tied to one (the uid in its path, or uids in its fields), and what a member's data export and
 * account deletion do with it. Pure: no Firebase. One entry per document path in model/paths.ts,
 * so a new collection cannot land without saying what it holds (test/privacy/dataInventory.test.ts).
 *
 * Export and deletion (issue 13) are to be built on these entries; docs/privacy.md lists them.
 */
import type { paths } from "../model/index.js";

/**
 * delete: every document of the member goes.
 * scrub:  the document stays for someone else (the other side of a chat, a class's attendees) with
 *         the member's uid, name and text removed.
 * keep:   kept after deletion, for the reason given, until its own retention period ends.
 * none:   holds nothing about any member.
 */
export const DELETION_TREATMENTS = ["delete", "scrub", "keep", "none"] as const;
export type DeletionTreatment = (typeof DELETION_TREATMENTS)[number];

export interface InventoryEntry {
  /** What it holds, as a member would read it in their export's summary. */
  holds: string;
  /** Where a member's uid sits: in the document's path, and/or in these fields. */
  uidInPath: boolean;
  uidFields: readonly string[];
  /** Whether the member's data export carries it. */
  exported: boolean;
  onDeletion: DeletionTreatment;
  /** Why, for scrub and keep. */
  why?: string;
}

/** Path builders that name a collection, not a document: their documents are inventoried. */
export const COLLECTION_PATHS = [
  "attendees",
  "attendance",
  "matchActions",
  "blocks",
  "candidates",
  "messages",
  "conversationMembers",
  "notifications",
  "notificationDeliveries",
  "devices",
  "reviews",
  "dataExportParts",
  "connections",
  "feed",
  "activityKudos",
  "activityComments",
] as const satisfies readonly (keyof typeof paths)[];

export type DocumentPathName = Exclude<keyof typeof paths, (typeof COLLECTION_PATHS)[number]>;

const owned = (holds: string, exported = true): InventoryEntry => ({
  holds,
  uidInPath: true,
  uidFields: [],
  exported,
  onDeletion: "delete",
});

export const DATA_INVENTORY: Readonly<Record<DocumentPathName, InventoryEntry>> = {
  // ---- Accounts and roles
  user: owned("Your public profile: name, photo, bio, level, interests, availability, city."),
  privateSettings: owned("Your email, exact location, time zone and when you accepted the terms."),
  auditLog: {
    holds: "A record of an admin's action on an account (a role change, a suspension).",
    uidInPath: false,
    uidFields: ["actorUid", "targetUid"],
    exported: true,
    onDeletion: "keep",
    why: "Accountability for privileged actions; kept for its legal period, then deleted.",
  },

  // ---- Classes
  class: {
    holds: "A class an instructor runs.",
    uidInPath: false,
    uidFields: ["instructorId"],
    exported: true,
    onDeletion: "scrub",
    why: "Its attendees keep their class history and reviews; the instructor is shown as a deleted member.",
  },
  attendee: {
    ...owned("Your place in a class: booked, waitlisted, checked in."),
    uidFields: ["uid"],
    why: "Deleting it frees the seat and promotes the waitlist, as a cancellation would.",
  },
  attendanceRecord: owned("The classes you attended."),

  // ---- Matching
  matchPreferences: owned("Who you want to see in Discover."),
  matchAction: {
    holds: "A like, pass or super-like, by you or of you.",
    uidInPath: true,
    uidFields: ["targetUid"],
    exported: true,
    onDeletion: "delete",
    why: "Both sides go: yours, and other members' answers about you.",
  },
  superLikeQuota: owned("Today's super-like count.", false),
  block: {
    holds: "Someone you blocked, or who blocked you.",
    uidInPath: true,
    uidFields: ["blockedUid"],
    exported: true,
    onDeletion: "delete",
  },
  match: {
    holds: "A mutual match between two members.",
    uidInPath: false,
    uidFields: ["userIds"],
    exported: true,
    onDeletion: "delete",
    why: "The other member's conversation stays, showing a deleted member.",
  },
  matchingConfig: { holds: "Scoring weights.", uidInPath: false, uidFields: [], exported: false, onDeletion: "none" },
  candidate: {
    holds: "Your Discover queue, and your card (name, photo, score) in other members' queues.",
    uidInPath: true,
    uidFields: ["uid"],
    exported: false,
    onDeletion: "delete",
  },
  serverKey: { holds: "Server secrets.", uidInPath: false, uidFields: [], exported: false, onDeletion: "none" },
  candidateQueueState: owned(
    "When your Discover queue was last rebuilt, and whether you could use Discover then (what your profile lacked, hidden, disabled).",
    false,
  ),

  // ---- Messaging
  conversation: {
    holds: "A chat: its members and its last message.",
    uidInPath: false,
    uidFields: ["memberIds", "lastMessage.senderId"],
    exported: true,
    onDeletion: "scrub",
    why: "The other members keep the chat; the member is removed and shown as a deleted member.",
  },
  message: {
    holds: "A message you sent.",
    uidInPath: false,
    uidFields: ["senderId"],
    exported: true,
    onDeletion: "scrub",
    why: "The others keep the thread; the text is removed and the sender shown as a deleted member.",
  },
  conversationMember: owned("Your state in a chat: read position, mute, typing."),
  messageReceipt: {
    holds:
      "That a message was applied once, and who sent it. Receipts written before December 2026 also list whose unread count it raised; they expire within 30 days.",
    uidInPath: false,
    uidFields: ["senderId", "counted"],
    exported: false,
    onDeletion: "delete",
  },
  messageEvidence: {
    holds: "The text of a message its sender deleted, kept for moderators.",
    uidInPath: false,
    uidFields: ["senderId"],
    exported: true,
    onDeletion: "keep",
    why: "Kept while a report about it is open, and otherwise until its expiry (expiresAt).",
  },

  // ---- Notifications
  notification: {
    holds: "Your in-app notifications, and other members' notices that name you.",
    uidInPath: true,
    uidFields: ["aboutUids"],
    exported: true,
    onDeletion: "delete",
  },
  notificationPreferences: owned("Which notifications you get, on which channels, and your quiet hours."),
  notificationDelivery: {
    holds: "What each notification delivered to you, per channel.",
    uidInPath: true,
    uidFields: ["aboutUids"],
    exported: false,
    onDeletion: "delete",
  },
  device: owned("Your devices' push tokens."),
  mail: {
    holds: "An email to you, in the outbox, or to another member that names you.",
    uidInPath: false,
    uidFields: ["uid", "unsubscribe.uid", "aboutUids"],
    exported: true,
    onDeletion: "delete",
  },

  // ---- Reports and moderation
  report: {
    holds: "A report you filed, or one about you.",
    uidInPath: false,
    uidFields: ["reporterId", "subjectUid"],
    exported: true,
    onDeletion: "keep",
    why: "Safety records: kept for the reports' period (a year after review), with uids but no name or email.",
  },
  moderation: {
    holds: "Your standing: a suspension or ban, until when and why.",
    uidInPath: true,
    uidFields: [],
    exported: true,
    onDeletion: "delete",
  },

  // ---- Limits
  limitsConfig: { holds: "Rate limits.", uidInPath: false, uidFields: [], exported: false, onDeletion: "none" },
  messageQuota: owned("Your messages in the current minute.", false),
  rateLimit: {
    holds: "A rate-limit counter, by uid or by a hash of an email or IP.",
    uidInPath: true,
    uidFields: [],
    exported: false,
    onDeletion: "delete",
    why: "Each expires by itself (TTL on expiresAt).",
  },

  // ---- Reviews
  review: {
    holds: "Your review of a class, and an instructor's reply to it.",
    uidInPath: true,
    uidFields: ["uid", "instructorId"],
    exported: true,
    onDeletion: "delete",
    why: "Your reviews go, with reports of them, and summaries are recounted; reviews of your classes stay, by their authors, without your reply.",
  },
  reviewReport: {
    holds: "Your report of a review.",
    uidInPath: true,
    uidFields: ["reporterId"],
    exported: true,
    onDeletion: "delete",
  },
  ratingSummary: {
    holds: "An instructor's rating summary (counts only).",
    uidInPath: true,
    uidFields: ["subjectId"],
    exported: true,
    onDeletion: "delete",
  },

  // ---- Partner feedback
  partnerFeedback: {
    holds: "Your private feedback on a training partner.",
    uidInPath: true,
    uidFields: ["authorUid", "subjectUid"],
    exported: true,
    onDeletion: "delete",
    why:
      "An export carries the feedback the member gave, not the answers about them: those are their " +
      "partners' private word (GDPR art. 15(4)); their sum is exported, as reliability.",
  },
  reliability: owned("What applied partner feedback says about you: counts, not who said what."),

  // ---- Privacy
  dataExport: {
    holds: "An export of your data you asked for, and its archive, until it expires.",
    uidInPath: false,
    uidFields: ["uid"],
    exported: false,
    onDeletion: "delete",
  },
  dataExportPart: {
    holds: "A slice of your export's archive.",
    uidInPath: false,
    uidFields: ["uid"],
    exported: false,
    onDeletion: "delete",
  },
  accountDeletion: {
    holds: "Your account deletion: when you asked, when it runs, how far it got.",
    uidInPath: true,
    uidFields: ["requestedBy"],
    exported: true,
    onDeletion: "keep",
    why:
      "It drives the deletion; once done it holds only the uid and dates, and goes two hours later, after a " +
      "second pass removes anything a session still signed in wrote meanwhile.",
  },

  // ---- Social
  connection: {
    holds: "Whom you follow and who follows you, your friends and friend requests, as each side sees the pair.",
    uidInPath: true,
    uidFields: ["otherUid"],
    exported: true,
    onDeletion: "delete",
    why: "Both sides go, and the other members' counts drop by what the pair counted.",
  },
  socialCounts: owned("How many followers, follows and friends you have."),
  socialSettings: owned(
    "Who may follow you without approval, who may send you friend requests, and who sees your activity.",
  ),
  activity: {
    holds: "Something you did that your friends or followers may see (a class you attended), and its audience.",
    uidInPath: false,
    uidFields: ["authorId"],
    exported: true,
    onDeletion: "delete",
  },
  feedEntry: {
    holds: "Your feed: copies of the activities of friends and people you follow, and copies of yours in theirs.",
    uidInPath: true,
    uidFields: ["authorId"],
    exported: false,
    onDeletion: "delete",
    why: "Both go: your feed, and your activities in everyone else's.",
  },
  kudos: {
    holds: "Kudos you gave on other members' activities.",
    uidInPath: true,
    uidFields: ["uid", "activityAuthorId"],
    exported: true,
    onDeletion: "delete",
    why: "Your kudos go, and each activity's count drops by one; kudos on your activities go with them.",
  },
  activityComment: {
    holds: "Comments you wrote on activities, and comments on yours.",
    uidInPath: false,
    uidFields: ["authorId", "activityAuthorId"],
    exported: true,
    onDeletion: "delete",
    why: "Your comments go, and each activity's count drops by one; comments on your activities go with them.",
  },
};
