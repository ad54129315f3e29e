/**
 * What a connection action does to a pair of members, and what follows from it: the other side's
 * mirror, the change in both members' counts, and whom to tell. Pure: no Firebase.
 *
 * A pair is seen from the actor's side (their `users/{actor}/connections/{other}` document); the
 * other member's document is its mirror, so the two can never disagree.
 */
import type { ConnectionAction, FollowState, FriendRequestsFrom, FriendState, SocialSettings } from "../model/index.js";
import { DomainError } from "../shared/errors.js";

export interface PairView {
  following: FollowState;
  followedBy: FollowState;
  friend: FriendState;
}

export const NO_CONNECTION: PairView = { following: "none", followedBy: "none", friend: "none" };

const MIRRORED_FRIEND: Record<FriendState, FriendState> = {
  none: "none",
  sent: "received",
  received: "sent",
  yes: "yes",
};

/** The same pair from the other member's side. */
export function mirror(view: PairView): PairView {
  return { following: view.followedBy, followedBy: view.following, friend: MIRRORED_FRIEND[view.friend] };
}

export const isEmpty = (view: PairView) =>
  view.following === "none" && view.followedBy === "none" && view.friend === "none";

export const sameView = (a: PairView, b: PairView) =>
  a.following === b.following && a.followedBy === b.followedBy && a.friend === b.friend;

/** What the decision needs to know about the other member. */
export interface ConnectionContext {
  /** The other member's settings (DEFAULT_SOCIAL_SETTINGS when they never saved any). */
  settings: Pick<SocialSettings, "approveFollowers" | "friendRequestsFrom">;
  /** Whether the two are matched training partners. */
  matched: boolean;
}

function mayRequestFriendship(from: FriendRequestsFrom, matched: boolean): boolean {
  return from === "everyone" || (from === "matches" && matched);
}

/**
 * The pair after `action` by the actor. An action that is already done (following someone you
 * follow, cancelling a request that is gone) changes nothing, so a retried call is harmless; an
 * action that makes no sense in this state, or that the other member's settings refuse, throws.
 */
export function decideConnection(view: PairView, action: ConnectionAction, context: ConnectionContext): PairView {
  switch (action) {
    case "follow": {
      if (view.following !== "none") return view;
      const needsApproval = context.settings.approveFollowers && view.friend !== "yes";
      return { ...view, following: needsApproval ? "requested" : "yes" };
    }
    case "unfollow":
      return { ...view, following: "none" };
    case "approve_follower":
      if (view.followedBy === "yes") return view;
      if (view.followedBy !== "requested")
        throw new DomainError("failed-precondition", "This member has not asked to follow you.");
      return { ...view, followedBy: "yes" };
    case "remove_follower":
      return { ...view, followedBy: "none" };
    case "request_friend":
      if (view.friend === "yes" || view.friend === "sent") return view;
      // They asked first: asking back is accepting.
      if (view.friend === "received") return { ...view, friend: "yes" };
      if (!mayRequestFriendship(context.settings.friendRequestsFrom, context.matched)) {
        throw new DomainError(
          "permission-denied",
          context.settings.friendRequestsFrom === "matches"
            ? "This member takes friend requests only from their training partners."
            : "This member does not take friend requests.",
        );
      }
      return { ...view, friend: "sent" };
    case "accept_friend":
      if (view.friend === "yes") return view;
      if (view.friend !== "received")
        throw new DomainError("failed-precondition", "This member has not sent you a friend request.");
      return { ...view, friend: "yes" };
    case "decline_friend":
      return view.friend === "received" ? { ...view, friend: "none" } : view;
    case "cancel_friend_request":
      return view.friend === "sent" ? { ...view, friend: "none" } : view;
    case "remove_friend":
      return view.friend === "yes" ? { ...view, friend: "none" } : view;
  }
}

/** Actions that reach out to the other member (and so count against the daily limit). */
export const isOutreach = (before: PairView, after: PairView) =>
  (before.following === "none" && after.following !== "none") || (before.friend === "none" && after.friend === "sent");

export interface CountChange {
  followers: number;
  following: number;
  friends: number;
}

const step = (before: string, after: string, counted: string) =>
  (after === counted ? 1 : 0) - (before === counted ? 1 : 0);

/** How each member's counts move from `before` to `after` (seen from the actor). Only "yes" counts. */
export function countChanges(before: PairView, after: PairView): { actor: CountChange; other: CountChange } {
  const follows = step(before.following, after.following, "yes");
  const followedBy = step(before.followedBy, after.followedBy, "yes");
  const friends = step(before.friend, after.friend, "yes");
  return {
    actor: { followers: followedBy, following: follows, friends },
    other: { followers: follows, following: followedBy, friends },
  };
}

export const isNoChange = (change: CountChange) =>
  change.followers === 0 && change.following === 0 && change.friends === 0;

/** What the other member is told about the actor. */
export const CONNECTION_NEWS = [
  "followed",
  "follow_requested",
  "follow_approved",
  "friend_requested",
  "friend_accepted",
] as const;
export type ConnectionNews = (typeof CONNECTION_NEWS)[number];

/**
 * News for the other member in this change, if any. Only what reaches out to them: being
 * unfollowed, declined or unfriended is never announced.
 */
export function newsFor(before: PairView, after: PairView): ConnectionNews[] {
  const news: ConnectionNews[] = [];
  if (before.following === "none" && after.following === "yes") news.push("followed");
  if (before.following === "none" && after.following === "requested") news.push("follow_requested");
  if (before.followedBy === "requested" && after.followedBy === "yes") news.push("follow_approved");
  if (before.friend === "none" && after.friend === "sent") news.push("friend_requested");
  if (before.friend === "received" && after.friend === "yes") news.push("friend_accepted");
  return news;
}
