/**
 * Social connections: who follows whom, who is friends with whom, and who may ask.
 *
 * A pair of members is described twice, once from each side, in `users/{uid}/connections/{otherUid}`:
 * each member reads only their own side, and every list (friends, followers, following, requests)
 * is one query on it. Functions write both sides in one transaction, with the counts.
 */
import { z } from "zod";
import { documentIdSchema, timestampSchema, uidIdSchema, uidSchema } from "./primitives.js";

/** Whether `uid` follows the other member: not at all, asked to (awaiting approval), or yes. */
export const FOLLOW_STATES = ["none", "requested", "yes"] as const;
export type FollowState = (typeof FOLLOW_STATES)[number];

/** Friendship from `uid`'s side: a request they sent, one they received, or friends. */
export const FRIEND_STATES = ["none", "sent", "received", "yes"] as const;
export type FriendState = (typeof FRIEND_STATES)[number];

/** `users/{uid}/connections/{otherUid}`: functions only; the owner reads it. */
export const connectionSchema = z.object({
  /** The other member, as in the path (collection-group queries find a member's mirrors by it). */
  otherUid: uidSchema,
  /** uid → other. */
  following: z.enum(FOLLOW_STATES),
  /** other → uid. */
  followedBy: z.enum(FOLLOW_STATES),
  friend: z.enum(FRIEND_STATES),
  friendsSince: timestampSchema.nullable(),
  /** When either side last changed this pair; lists show the newest first. */
  updatedAt: timestampSchema,
});
export type Connection = z.infer<typeof connectionSchema>;

/** `socialCounts/{uid}`: exact counts of a member's connections; every signed-in member reads them. */
export const socialCountsSchema = z.object({
  followers: z.number().int().min(0),
  following: z.number().int().min(0),
  friends: z.number().int().min(0),
  updatedAt: timestampSchema,
});
export type SocialCounts = z.infer<typeof socialCountsSchema>;
export const EMPTY_SOCIAL_COUNTS = { followers: 0, following: 0, friends: 0 } as const;

/** Who may send a member a friend request: anyone, only members they matched with, nobody. */
export const FRIEND_REQUESTS_FROM = ["everyone", "matches", "nobody"] as const;
export type FriendRequestsFrom = (typeof FRIEND_REQUESTS_FROM)[number];

/** Who sees a member's activity: followers and friends, friends only, or nobody but them. */
export const ACTIVITY_AUDIENCES = ["public", "friends", "only_me"] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];

/**
 * `users/{uid}/private/social`: who may connect with the member and who sees their activity
 * (owner-written, checked by the rules). Absent means DEFAULT_SOCIAL_SETTINGS.
 */
export const socialSettingsSchema = z.object({
  /** New followers wait for the member's approval (friends never need it). */
  approveFollowers: z.boolean(),
  friendRequestsFrom: z.enum(FRIEND_REQUESTS_FROM),
  /** Applies to activities from the moment it is saved; earlier ones keep the audience they had. */
  activityAudience: z.enum(ACTIVITY_AUDIENCES).default("friends"),
  updatedAt: timestampSchema,
});
export type SocialSettings = z.infer<typeof socialSettingsSchema>;

/**
 * Open by default, as a social fitness app is expected to be: anyone may follow and ask. A member
 * who wants less turns approval on, or narrows requests to their matches.
 */
export const DEFAULT_SOCIAL_SETTINGS = {
  approveFollowers: false,
  friendRequestsFrom: "everyone",
  activityAudience: "friends",
} as const satisfies Omit<SocialSettings, "updatedAt">;

/** What a member can do about another member, from the caller's side. */
export const CONNECTION_ACTIONS = [
  "follow",
  "unfollow",
  "approve_follower",
  "remove_follower",
  "request_friend",
  "accept_friend",
  "decline_friend",
  "cancel_friend_request",
  "remove_friend",
] as const;
export type ConnectionAction = (typeof CONNECTION_ACTIONS)[number];

/** `changeConnection({ uid, action })`. */
export const changeConnectionRequestSchema = z.object({
  uid: uidIdSchema,
  action: z.enum(CONNECTION_ACTIONS),
});
export type ChangeConnectionRequest = z.infer<typeof changeConnectionRequestSchema>;

/** How the caller now stands with the member, from the caller's side (as their connection document says). */
export interface ChangeConnectionResponse {
  following: FollowState;
  followedBy: FollowState;
  friend: FriendState;
  /** False when the action changed nothing (already following, no request to accept). */
  changed: boolean;
}

// ---------------------------------------------------------------------------------------------
// The activity feed

/** What a member did that their friends (or followers) may see. */
export const ACTIVITY_KINDS = ["attended_class"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** What an activity is about, copied into every feed entry so a page needs no other read. */
export const activitySubjectSchema = z.object({
  classId: z.string().min(1),
  classTitle: z.string(),
  classStartsAt: timestampSchema,
});

/** What an activity is, as every copy of it says. */
const activityFields = {
  authorId: uidSchema,
  kind: z.enum(ACTIVITY_KINDS),
  audience: z.enum(ACTIVITY_AUDIENCES),
  subject: activitySubjectSchema,
  createdAt: timestampSchema,
};

/**
 * `activities/{activityId}`: one thing a member did, with the audience it had when it happened
 * (functions only; the rules let its audience read it). The id is derived from what happened
 * (activityId), so an event delivered twice publishes one activity.
 */
export const activitySchema = z.object({
  ...activityFields,
  /**
   * Exact counts of its kudos and comments, kept here and not in the feed copies: a kudos would
   * otherwise rewrite every reader's copy. Each changes in the transaction that adds or removes
   * the kudos or comment. Absent until the first one.
   */
  kudosCount: z.number().int().min(0).default(0),
  commentCount: z.number().int().min(0).default(0),
});
export type Activity = z.infer<typeof activitySchema>;

/**
 * `users/{uid}/feed/{activityId}`: an activity in one reader's feed, a copy written by the fan-out
 * (functions only; the owner reads). Newest first by `createdAt`. The copy is also the reader's
 * permission to react: kudos and comments need one (the author has one too).
 */
export const feedEntrySchema = z.object({
  ...activityFields,
  /** The activity, as in the path (the fan-out's clean-up finds every copy by it). */
  activityId: z.string().min(1),
});
export type FeedEntry = z.infer<typeof feedEntrySchema>;

export const activityIdOf = (kind: ActivityKind, authorId: string, subjectId: string) =>
  `${kind}-${authorId}-${subjectId}`;

// ---------------------------------------------------------------------------------------------
// Kudos and comments on activities

/**
 * `activities/{activityId}/kudos/{uid}`: one member's kudos on an activity (functions only; the
 * activity's audience reads them). One per member by its id, so a retried call gives one.
 */
export const kudosSchema = z.object({
  /** The giver, as in the path (account deletion finds a member's kudos by it). */
  uid: uidSchema,
  /** Whose activity it is: a block between the two takes the kudos back. */
  activityAuthorId: uidSchema,
  createdAt: timestampSchema,
});
export type Kudos = z.infer<typeof kudosSchema>;

export const COMMENT_MAX_LENGTH = 500;

/**
 * `activities/{activityId}/comments/{commentId}`: a comment (functions only; the activity's
 * audience reads them, oldest first). The id is the client's, so a resend after a dropped
 * connection lands on the same comment.
 */
export const activityCommentSchema = z.object({
  authorId: uidSchema,
  /** Whose activity it is: a block between the two removes the comment. */
  activityAuthorId: uidSchema,
  text: z.string().min(1).max(COMMENT_MAX_LENGTH),
  createdAt: timestampSchema,
});
export type ActivityComment = z.infer<typeof activityCommentSchema>;

const activityIdField = documentIdSchema;

/** `giveKudos({ activityId, given })`: gives (true) or takes back (false) the caller's kudos. */
export const giveKudosRequestSchema = z.object({ activityId: activityIdField, given: z.boolean() });
export type GiveKudosRequest = z.infer<typeof giveKudosRequestSchema>;

export interface GiveKudosResponse {
  given: boolean;
  /** False when the kudos already stood as asked (a retried call, a second tap). */
  changed: boolean;
}

/** `addComment({ activityId, commentId, text })`: the text is trimmed; blank is refused. */
export const addCommentRequestSchema = z.object({
  activityId: activityIdField,
  commentId: documentIdSchema,
  text: z.string().trim().min(1, "Write something first.").max(COMMENT_MAX_LENGTH),
});
export type AddCommentRequest = z.input<typeof addCommentRequestSchema>;

export interface AddCommentResponse {
  commentId: string;
  /** False when this comment was already there (a resend of the same call). */
  created: boolean;
}

/** `deleteComment({ activityId, commentId })`: by its author, or by the activity's author. */
export const commentRequestSchema = z.object({ activityId: activityIdField, commentId: documentIdSchema });
export type CommentRequest = z.infer<typeof commentRequestSchema>;

export interface DeleteCommentResponse {
  /** False when it was already gone. */
  deleted: boolean;
}
