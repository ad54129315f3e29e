/** What a member is told when someone connects with them or reacts to what they did. Pure: no Firebase. */
import { utcDayNumber, type FeedEntry, type NoticeDraft } from "../model/index.js";
import { previewOf } from "../shared/preview.js";
import type { ConnectionNews } from "./connections.js";

const TEXT: Record<ConnectionNews, (name: string) => { title: string; body: string }> = {
  followed: (name) => ({ title: `${name} started following you`, body: `${name} will see what you share publicly.` }),
  follow_requested: (name) => ({
    title: `${name} asked to follow you`,
    body: "Approve or decline the request from your connections.",
  }),
  follow_approved: (name) => ({ title: `${name} approved your follow request`, body: `You now follow ${name}.` }),
  friend_requested: (name) => ({
    title: `${name} sent you a friend request`,
    body: "Accept or decline it from your connections.",
  }),
  friend_accepted: (name) => ({
    title: `${name} accepted your friend request`,
    body: `You and ${name} are now friends.`,
  }),
};

/**
 * The id holds the day: asking, cancelling and asking again tells the other member once a day at
 * most, and a retried call after the change committed finds its notice already delivered.
 */
export function connectionNotice(news: ConnectionNews, fromUid: string, fromName: string, nowMs: number): NoticeDraft {
  return {
    id: `connection-${news}-${fromUid}-${utcDayNumber(nowMs)}`,
    type: "connection",
    ...TEXT[news](fromName),
    data: { personUid: fromUid },
    aboutUids: [fromUid],
  };
}

type ActivityRef = Pick<FeedEntry, "activityId" | "subject">;

/** Someone's kudos on the member's activity: one line per activity, showing the latest giver. */
export function kudosNotice(activity: ActivityRef, fromUid: string, fromName: string): NoticeDraft {
  return {
    id: `kudos-${activity.activityId}`,
    type: "kudos",
    title: `${fromName} gave you kudos`,
    body: `For ${activity.subject.classTitle}.`,
    data: { activityId: activity.activityId },
    aboutUids: [fromUid],
  };
}

/** A comment on the member's activity: one line per activity, showing the latest comment. */
export function commentNotice(activity: ActivityRef, fromUid: string, fromName: string, text: string): NoticeDraft {
  return {
    id: `comment-${activity.activityId}`,
    type: "comment",
    title: `${fromName} commented on ${activity.subject.classTitle}`,
    body: previewOf(text),
    data: { activityId: activity.activityId },
    aboutUids: [fromUid],
  };
}
