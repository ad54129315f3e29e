/**
 * The emulator runs any query without an index; production refuses a query that needs a
 * composite index it does not have. Every composite query the app runs is listed here, where it
 * is run, and must be declared in firestore.indexes.json.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MEMBER_DOCUMENT_SOURCES } from "../src/privacy/memberDocuments.js";

interface IndexField {
  fieldPath: string;
  order?: "ASCENDING" | "DESCENDING";
  arrayConfig?: "CONTAINS";
}
interface Index {
  collectionGroup: string;
  queryScope: "COLLECTION" | "COLLECTION_GROUP";
  fields: IndexField[];
}

const declared = (
  JSON.parse(readFileSync(new URL("../../firestore.indexes.json", import.meta.url), "utf8")) as { indexes: Index[] }
).indexes;

const COMPOSITE_QUERIES: { where: string; index: Index }[] = [
  {
    where:
      "functions/src/partnerFeedback/feedbackStore.ts: sealed answers (appliedAt null) whose window closed, by revealAt",
    index: {
      collectionGroup: "partnerFeedback",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "appliedAt", order: "ASCENDING" },
        { fieldPath: "revealAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where:
      "functions/src/classes/seatStore.ts: the head of the waitlist (status ==, order by ticket) and positions in it",
    index: {
      collectionGroup: "attendees",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "ticket", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "web my schedule: collection group attendees by uid and active status, by class time",
    index: {
      collectionGroup: "attendees",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "uid", order: "ASCENDING" },
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "classStartsAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "web/src/classes/classesStore.ts: an instructor's classes, by start time",
    index: {
      collectionGroup: "classes",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "instructorId", order: "ASCENDING" },
        { fieldPath: "startsAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/classes/scheduled.ts: scheduled classes starting within the reminder horizon",
    index: {
      collectionGroup: "classes",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "startsAt", order: "ASCENDING" },
      ],
    },
  },
  // ---- Matching
  {
    where: "web/src/admin/reportsStore.ts: open reports, oldest first",
    index: {
      collectionGroup: "reports",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "createdAt", order: "ASCENDING" },
      ],
    },
  },
  // ---- Reports
  {
    where: "web/src/reports/reportService.ts: the reports a member filed, newest first",
    index: {
      collectionGroup: "reports",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "reporterId", order: "ASCENDING" },
        { fieldPath: "createdAt", order: "DESCENDING" },
      ],
    },
  },
  // ---- Moderation
  {
    where: "functions/src/moderation/moderationStore.ts liftExpiredSuspensions: suspensions that have run out",
    index: {
      collectionGroup: "moderation",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "standing", order: "ASCENDING" },
        { fieldPath: "until", order: "ASCENDING" },
      ],
    },
  },
  // ---- Notifications
  {
    where: "functions/src/notifications/mailStore.ts sweepOutbox: emails whose retry is due",
    index: {
      collectionGroup: "mail",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "delivery.state", order: "ASCENDING" },
        { fieldPath: "delivery.nextAttemptAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/notifications/mailStore.ts sweepOutbox: attempts whose lease ran out",
    index: {
      collectionGroup: "mail",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "delivery.state", order: "ASCENDING" },
        { fieldPath: "delivery.leaseExpireTime", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/notifications/housekeepingStore.ts sendHeldPushes: pushes held by quiet hours, now due",
    index: {
      collectionGroup: "notificationDeliveries",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "push", order: "ASCENDING" },
        { fieldPath: "pushAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/notifications/housekeepingStore.ts queueWeeklyDigests: unread message notices",
    index: {
      collectionGroup: "notifications",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "type", order: "ASCENDING" },
        { fieldPath: "read", order: "ASCENDING" },
      ],
    },
  },
  // ---- Messaging
  {
    where:
      "web/src/messaging/messagingStore.ts: the member's conversations (memberIds contains uid), most recent first",
    index: {
      collectionGroup: "conversations",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "memberIds", arrayConfig: "CONTAINS" },
        { fieldPath: "updatedAt", order: "DESCENDING" },
      ],
    },
  },
  {
    where: "functions/src/reviews/summaryStore.ts: a class's published reviews counted by rating",
    index: {
      collectionGroup: "reviews",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "rating", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/reviews/summaryStore.ts: a series' published reviews counted by rating",
    index: {
      collectionGroup: "reviews",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "seriesId", order: "ASCENDING" },
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "rating", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/reviews/summaryStore.ts: an instructor's published reviews counted by rating",
    index: {
      collectionGroup: "reviews",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "instructorId", order: "ASCENDING" },
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "rating", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "web/src/reviews/reviewsStore.ts: a class's published reviews, newest first",
    index: {
      collectionGroup: "reviews",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "createdAt", order: "DESCENDING" },
      ],
    },
  },
  {
    where: "web/src/reviews/reviewsStore.ts: an instructor's published reviews, newest first",
    index: {
      collectionGroup: "reviews",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "instructorId", order: "ASCENDING" },
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "createdAt", order: "DESCENDING" },
      ],
    },
  },
  {
    where: "web/src/reviews/reviewsStore.ts: the admins' review queue, oldest first",
    index: {
      collectionGroup: "reviews",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "needsModeration", order: "ASCENDING" },
        { fieldPath: "updatedAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/privacy/deletionStore.ts: scheduled deletions past their grace period, by deleteAfter",
    index: {
      collectionGroup: "accountDeletions",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "deleteAfter", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "functions/src/privacy/deletionStore.ts: finished deletions due their second pass, by deletedAt",
    index: {
      collectionGroup: "accountDeletions",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "deletedAt", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "web Settings → Your data: a member's exports, newest first",
    index: {
      collectionGroup: "dataExports",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "uid", order: "ASCENDING" },
        { fieldPath: "requestedAt", order: "DESCENDING" },
      ],
    },
  },
  {
    where: "web/src/social/socialStore.ts: a member's friends and friend requests, newest first",
    index: {
      collectionGroup: "connections",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "friend", order: "ASCENDING" },
        { fieldPath: "updatedAt", order: "DESCENDING" },
      ],
    },
  },
  {
    where: "web/src/social/socialStore.ts: a member's follows and follow requests, newest first",
    index: {
      collectionGroup: "connections",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "following", order: "ASCENDING" },
        { fieldPath: "updatedAt", order: "DESCENDING" },
      ],
    },
  },
  {
    where: "web/src/social/socialStore.ts: a member's followers and follower requests, newest first",
    index: {
      collectionGroup: "connections",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "followedBy", order: "ASCENDING" },
        { fieldPath: "updatedAt", order: "DESCENDING" },
      ],
    },
  },
  {
    where: "social/reactionStore.ts retractReactionsBetween: one member's kudos on another's activities",
    index: {
      collectionGroup: "kudos",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "uid", order: "ASCENDING" },
        { fieldPath: "activityAuthorId", order: "ASCENDING" },
      ],
    },
  },
  {
    where: "social/reactionStore.ts retractReactionsBetween: one member's comments on another's activities",
    index: {
      collectionGroup: "comments",
      queryScope: "COLLECTION_GROUP",
      fields: [
        { fieldPath: "authorId", order: "ASCENDING" },
        { fieldPath: "activityAuthorId", order: "ASCENDING" },
      ],
    },
  },
];

describe("firestore.indexes.json", () => {
  it.each(COMPOSITE_QUERIES)("declares the index for $where", ({ index }) => {
    expect(declared).toContainEqual(index);
  });

  it("declares no index that no query uses", () => {
    expect(declared).toHaveLength(COMPOSITE_QUERIES.length);
  });
});

// ---- Notifications
interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  indexes: { order?: string; arrayConfig?: string; queryScope: string }[];
}
const overrides = (
  JSON.parse(readFileSync(new URL("../../firestore.indexes.json", import.meta.url), "utf8")) as {
    fieldOverrides: FieldOverride[];
  }
).fieldOverrides;

/**
 * A collection-group query on one field needs a collection-group single-field index, which
 * Firestore does not create on its own: the 90-day clean-up (housekeepingStore.ts
 * cleanUpOldNotifications) filters notices and delivery records by createdAt across all members.
 */
describe("firestore.indexes.json single-field collection-group indexes", () => {
  it.each([
    ["notifications", "createdAt"],
    ["notificationDeliveries", "createdAt"],
    // privacy/retentionStore.ts: receipts past their retention, across all conversations.
    ["receipts", "appliedAt"],
  ])("%s.%s, keeping the automatic ones", (group, field) => {
    const override = overrides.find((o) => o.collectionGroup === group && o.fieldPath === field);
    expect(override?.indexes).toEqual(
      expect.arrayContaining([
        { order: "ASCENDING", queryScope: "COLLECTION_GROUP" },
        { order: "ASCENDING", queryScope: "COLLECTION" },
        { order: "DESCENDING", queryScope: "COLLECTION" },
      ]),
    );
  });
});

/**
 * Export and deletion find a member's documents with one collection-group query per place their
 * uid can be (privacy/memberDocuments.ts), each paged by document id: each needs its field's
 * collection-group index, or production refuses it the first time someone asks for their data.
 */
describe("firestore.indexes.json indexes for finding a member's documents", () => {
  const groupQueries = MEMBER_DOCUMENT_SOURCES.flatMap((source) =>
    source.find.kind === "group" ? [{ ...source.find, entry: source.entry }] : [],
  );

  it.each(groupQueries)("$group.$field ($op, for $entry), keeping the automatic ones", ({ group, field, op }) => {
    const override = overrides.find((o) => o.collectionGroup === group && o.fieldPath === field);
    const groupIndex =
      op === "array-contains"
        ? { arrayConfig: "CONTAINS", queryScope: "COLLECTION_GROUP" }
        : { order: "ASCENDING", queryScope: "COLLECTION_GROUP" };
    expect(override?.indexes).toEqual(
      expect.arrayContaining([
        groupIndex,
        { order: "ASCENDING", queryScope: "COLLECTION" },
        { order: "DESCENDING", queryScope: "COLLECTION" },
        { arrayConfig: "CONTAINS", queryScope: "COLLECTION" },
      ]),
    );
  });
});
