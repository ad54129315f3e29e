/**
 * One typed reference per document noun of the model, on the Admin side. Reads parse through the
 * noun's schema; writes are checked against its type. Build paths nowhere else in functions.
 *
 *   const doc = await refs(db).class(classId).get();   // doc.data(): FitnessClass | undefined
 */
import type { Firestore } from "firebase-admin/firestore";
import {
  accountDeletionSchema,
  attendanceRecordSchema,
  attendeeSchema,
  auditLogSchema,
  blockSchema,
  candidateEntrySchema,
  candidateQueueStateSchema,
  classReviewSchema,
  classSchema,
  collections,
  activityCommentSchema,
  activitySchema,
  connectionSchema,
  feedEntrySchema,
  kudosSchema,
  conversationMemberSchema,
  conversationSchema,
  dataExportPartSchema,
  dataExportSchema,
  deviceSchema,
  limitsConfigSchema,
  mailSchema,
  matchActionSchema,
  matchPreferencesSchema,
  matchSchema,
  matchingConfigSchema,
  messageEvidenceSchema,
  messageReceiptSchema,
  messageSchema,
  moderationSchema,
  notificationDeliverySchema,
  notificationPreferencesSchema,
  notificationSchema,
  partnerFeedbackId,
  partnerFeedbackSchema,
  paths,
  privateSettingsSchema,
  rateLimitCounterSchema,
  ratingSummarySchema,
  reliabilitySchema,
  reportSchema,
  reviewReportSchema,
  serverKeySchema,
  socialCountsSchema,
  socialSettingsSchema,
  superLikeQuotaSchema,
  userProfileSchema,
  ratingSummaryId,
  type RateLimitName,
  type RatingSubject,
} from "../model/index.js";
import { typedCollection, typedDoc, typedGroup } from "./firestore.js";

function buildRefs(db: Firestore) {
  return {
    // ---- Accounts and roles
    users: () => typedCollection(db, collections.users, userProfileSchema),
    user: (uid: string) => typedDoc(db, paths.user(uid), userProfileSchema),
    privateSettings: (uid: string) => typedDoc(db, paths.privateSettings(uid), privateSettingsSchema),
    auditLogs: () => typedCollection(db, collections.auditLogs, auditLogSchema),
    auditLog: (id: string) => typedDoc(db, paths.auditLog(id), auditLogSchema),

    // ---- Classes
    classes: () => typedCollection(db, collections.classes, classSchema),
    class: (classId: string) => typedDoc(db, paths.class(classId), classSchema),
    attendees: (classId: string) => typedCollection(db, paths.attendees(classId), attendeeSchema),
    attendee: (classId: string, uid: string) => typedDoc(db, paths.attendee(classId, uid), attendeeSchema),
    /** Every class's roster rows, e.g. one member's schedule. */
    allAttendees: () => typedGroup(db, collections.attendees, attendeeSchema),
    attendance: (uid: string) => typedCollection(db, paths.attendance(uid), attendanceRecordSchema),
    attendanceRecord: (uid: string, classId: string) =>
      typedDoc(db, paths.attendanceRecord(uid, classId), attendanceRecordSchema),

    // ---- Matching
    matchPreferences: (uid: string) => typedDoc(db, paths.matchPreferences(uid), matchPreferencesSchema),
    matchActions: (uid: string) => typedCollection(db, paths.matchActions(uid), matchActionSchema),
    matchAction: (uid: string, targetUid: string) => typedDoc(db, paths.matchAction(uid, targetUid), matchActionSchema),
    superLikeQuota: (uid: string) => typedDoc(db, paths.superLikeQuota(uid), superLikeQuotaSchema),
    blocks: (uid: string) => typedCollection(db, paths.blocks(uid), blockSchema),
    block: (uid: string, otherUid: string) => typedDoc(db, paths.block(uid, otherUid), blockSchema),
    /** Every member's blocks, e.g. the blocks among a page's pairs, by document path. */
    allBlocks: () => typedGroup(db, collections.blocks, blockSchema),
    matches: () => typedCollection(db, collections.matches, matchSchema),
    match: (pairId: string) => typedDoc(db, paths.match(pairId), matchSchema),
    matchingConfig: () => typedDoc(db, paths.matchingConfig(), matchingConfigSchema),
    candidates: (uid: string) => typedCollection(db, paths.candidates(uid), candidateEntrySchema),
    candidate: (uid: string, candidateUid: string) =>
      typedDoc(db, paths.candidate(uid, candidateUid), candidateEntrySchema),
    candidateQueueState: (uid: string) => typedDoc(db, paths.candidateQueueState(uid), candidateQueueStateSchema),
    serverKey: (name: string) => typedDoc(db, paths.serverKey(name), serverKeySchema),

    // ---- Messaging
    conversations: () => typedCollection(db, collections.conversations, conversationSchema),
    conversation: (conversationId: string) => typedDoc(db, paths.conversation(conversationId), conversationSchema),
    messages: (conversationId: string) => typedCollection(db, paths.messages(conversationId), messageSchema),
    message: (conversationId: string, messageId: string) =>
      typedDoc(db, paths.message(conversationId, messageId), messageSchema),
    conversationMembers: (conversationId: string) =>
      typedCollection(db, paths.conversationMembers(conversationId), conversationMemberSchema),
    conversationMember: (conversationId: string, uid: string) =>
      typedDoc(db, paths.conversationMember(conversationId, uid), conversationMemberSchema),
    messageReceipt: (conversationId: string, messageId: string) =>
      typedDoc(db, paths.messageReceipt(conversationId, messageId), messageReceiptSchema),
    /** Every conversation's receipts (the retention job). */
    allMessageReceipts: () => typedGroup(db, collections.messageReceipts, messageReceiptSchema),
    messageEvidence: (conversationId: string, messageId: string) =>
      typedDoc(db, paths.messageEvidence(conversationId, messageId), messageEvidenceSchema),

    // ---- Notifications
    notifications: (uid: string) => typedCollection(db, paths.notifications(uid), notificationSchema),
    notification: (uid: string, id: string) => typedDoc(db, paths.notification(uid, id), notificationSchema),
    allNotifications: () => typedGroup(db, collections.notifications, notificationSchema),
    notificationPreferences: (uid: string) =>
      typedDoc(db, paths.notificationPreferences(uid), notificationPreferencesSchema),
    notificationDeliveries: (uid: string) =>
      typedCollection(db, paths.notificationDeliveries(uid), notificationDeliverySchema),
    notificationDelivery: (uid: string, noticeId: string) =>
      typedDoc(db, paths.notificationDelivery(uid, noticeId), notificationDeliverySchema),
    allNotificationDeliveries: () => typedGroup(db, collections.notificationDeliveries, notificationDeliverySchema),
    devices: (uid: string) => typedCollection(db, paths.devices(uid), deviceSchema),
    device: (uid: string, deviceId: string) => typedDoc(db, paths.device(uid, deviceId), deviceSchema),
    allDevices: () => typedGroup(db, collections.devices, deviceSchema),
    outbox: () => typedCollection(db, collections.mail, mailSchema),
    mail: (id: string) => typedDoc(db, paths.mail(id), mailSchema),

    // ---- Reports and moderation
    reports: () => typedCollection(db, collections.reports, reportSchema),
    report: (id: string) => typedDoc(db, paths.report(id), reportSchema),
    moderations: () => typedCollection(db, collections.moderation, moderationSchema),
    moderation: (uid: string) => typedDoc(db, paths.moderation(uid), moderationSchema),

    // ---- Limits
    limitsConfig: () => typedDoc(db, paths.limitsConfig(), limitsConfigSchema),
    rateLimit: (name: RateLimitName, subject: string) =>
      typedDoc(db, paths.rateLimit(name, subject), rateLimitCounterSchema),

    // ---- Reviews
    reviews: (classId: string) => typedCollection(db, paths.reviews(classId), classReviewSchema),
    review: (classId: string, uid: string) => typedDoc(db, paths.review(classId, uid), classReviewSchema),
    reviewReport: (classId: string, uid: string, reporterUid: string) =>
      typedDoc(db, paths.reviewReport(classId, uid, reporterUid), reviewReportSchema),
    /** Every class's reviews: an instructor's, a series', the moderation queue. */
    allReviews: () => typedGroup(db, collections.reviews, classReviewSchema),
    ratingSummary: (subject: RatingSubject, subjectId: string) =>
      typedDoc(db, paths.ratingSummary(ratingSummaryId(subject, subjectId)), ratingSummarySchema),

    // ---- Partner feedback
    allPartnerFeedback: () => typedCollection(db, collections.partnerFeedback, partnerFeedbackSchema),
    partnerFeedback: (classId: string, authorUid: string, subjectUid: string) =>
      typedDoc(db, paths.partnerFeedback(partnerFeedbackId(classId, authorUid, subjectUid)), partnerFeedbackSchema),
    reliability: (uid: string) => typedDoc(db, paths.reliability(uid), reliabilitySchema),

    // ---- Privacy
    dataExports: () => typedCollection(db, collections.dataExports, dataExportSchema),
    dataExport: (exportId: string) => typedDoc(db, paths.dataExport(exportId), dataExportSchema),
    dataExportParts: (exportId: string) => typedCollection(db, paths.dataExportParts(exportId), dataExportPartSchema),
    dataExportPart: (exportId: string, partId: string) =>
      typedDoc(db, paths.dataExportPart(exportId, partId), dataExportPartSchema),
    accountDeletions: () => typedCollection(db, collections.accountDeletions, accountDeletionSchema),
    accountDeletion: (uid: string) => typedDoc(db, paths.accountDeletion(uid), accountDeletionSchema),

    // ---- Social
    connections: (uid: string) => typedCollection(db, paths.connections(uid), connectionSchema),
    connection: (uid: string, otherUid: string) => typedDoc(db, paths.connection(uid, otherUid), connectionSchema),
    socialCounts: (uid: string) => typedDoc(db, paths.socialCounts(uid), socialCountsSchema),
    socialSettings: (uid: string) => typedDoc(db, paths.socialSettings(uid), socialSettingsSchema),
    activities: () => typedCollection(db, collections.activities, activitySchema),
    activity: (activityId: string) => typedDoc(db, paths.activity(activityId), activitySchema),
    feed: (uid: string) => typedCollection(db, paths.feed(uid), feedEntrySchema),
    feedEntry: (uid: string, activityId: string) => typedDoc(db, paths.feedEntry(uid, activityId), feedEntrySchema),
    allFeedEntries: () => typedGroup(db, collections.feed, feedEntrySchema),
    activityKudos: (activityId: string) => typedCollection(db, paths.activityKudos(activityId), kudosSchema),
    kudos: (activityId: string, uid: string) => typedDoc(db, paths.kudos(activityId, uid), kudosSchema),
    allKudos: () => typedGroup(db, collections.kudos, kudosSchema),
    activityComments: (activityId: string) =>
      typedCollection(db, paths.activityComments(activityId), activityCommentSchema),
    activityComment: (activityId: string, commentId: string) =>
      typedDoc(db, paths.activityComment(activityId, commentId), activityCommentSchema),
    allActivityComments: () => typedGroup(db, collections.comments, activityCommentSchema),
  };
}

export type Refs = ReturnType<typeof buildRefs>;
const cache = new WeakMap<Firestore, Refs>();

export function refs(db: Firestore): Refs {
  let built = cache.get(db);
  if (!built) {
    built = buildRefs(db);
    cache.set(db, built);
  }
  return built;
}
