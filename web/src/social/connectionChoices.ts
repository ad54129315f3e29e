/** Which follow and friend buttons a member sees for another, and how the pair reads. Pure. */
import type { Connection, ConnectionAction } from "@numina/model";

type PairSide = Pick<Connection, "following" | "followedBy" | "friend">;

export interface Choice {
  action: ConnectionAction;
  label: string;
  kind: "primary" | "plain" | "danger";
}

/** The buttons for how the member stands with another, from the member's side. */
export function connectionChoices(connection: PairSide | null): Choice[] {
  const following = connection?.following ?? "none";
  const followedBy = connection?.followedBy ?? "none";
  const friend = connection?.friend ?? "none";
  const choices: Choice[] = [];
  if (friend === "none") choices.push({ action: "request_friend", label: "Add friend", kind: "primary" });
  if (friend === "sent")
    choices.push({ action: "cancel_friend_request", label: "Cancel friend request", kind: "plain" });
  if (friend === "received") {
    choices.push({ action: "accept_friend", label: "Accept friend request", kind: "primary" });
    choices.push({ action: "decline_friend", label: "Decline", kind: "plain" });
  }
  if (friend === "yes") choices.push({ action: "remove_friend", label: "Remove friend", kind: "danger" });
  if (following === "none") choices.push({ action: "follow", label: "Follow", kind: "plain" });
  if (following === "requested") choices.push({ action: "unfollow", label: "Cancel follow request", kind: "plain" });
  if (following === "yes") choices.push({ action: "unfollow", label: "Unfollow", kind: "plain" });
  if (followedBy === "requested") {
    choices.push({ action: "approve_follower", label: "Approve follower", kind: "primary" });
    choices.push({ action: "remove_follower", label: "Decline follower", kind: "plain" });
  }
  if (followedBy === "yes") choices.push({ action: "remove_follower", label: "Remove follower", kind: "plain" });
  return choices;
}

/** What the pair is, in a few words: "Friends · Follows you". */
export function connectionSummary(connection: PairSide | null): string {
  if (!connection) return "";
  const parts: string[] = [];
  if (connection.friend === "yes") parts.push("Friends");
  if (connection.friend === "sent") parts.push("Friend request sent");
  if (connection.friend === "received") parts.push("Sent you a friend request");
  if (connection.following === "yes") parts.push("You follow them");
  if (connection.following === "requested") parts.push("Follow request sent");
  if (connection.followedBy === "yes") parts.push("Follows you");
  if (connection.followedBy === "requested") parts.push("Asked to follow you");
  return parts.join(" · ");
}
