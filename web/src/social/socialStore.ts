/**
 * Social connections from the client: the changeConnection callable for every change (functions
 * write both sides of a pair and the counts), live reads of the member's own connections and of
 * anyone's counts, and the member's own privacy settings, written directly under the rules.
 */
import { collection, doc, limit, orderBy, query, serverTimestamp, setDoc, where } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  connectionSchema,
  DEFAULT_SOCIAL_SETTINGS,
  feedEntrySchema,
  paths,
  socialCountsSchema,
  socialSettingsSchema,
  type ChangeConnectionRequest,
  type ChangeConnectionResponse,
  type Connection,
  type ConnectionAction,
  type FeedEntry,
  type SocialCounts,
  type SocialSettings,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, dataOrNull, watchDoc, watchQuery, type Item, type Unsubscribe, type Watcher } from "../shared/watch";

const connectionConverter = converterFor(connectionSchema);
const countsConverter = converterFor(socialCountsSchema);
const settingsConverter = converterFor(socialSettingsSchema);

const changeConnectionCallable = httpsCallable<ChangeConnectionRequest, ChangeConnectionResponse>(
  functions,
  "changeConnection",
);

export async function changeConnection(uid: string, action: ConnectionAction): Promise<ChangeConnectionResponse> {
  return (await changeConnectionCallable({ uid, action })).data;
}

/** How the member stands with `otherUid`, live; null while they are not connected at all. */
export function watchConnection(uid: string, otherUid: string, watcher: Watcher<Connection | null>): Unsubscribe {
  return watchDoc(doc(db, paths.connection(uid, otherUid)).withConverter(connectionConverter), dataOrNull, watcher);
}

export type SocialCountsView = Pick<SocialCounts, "followers" | "following" | "friends">;
const NO_COUNTS: SocialCountsView = { followers: 0, following: 0, friends: 0 };

export function watchSocialCounts(uid: string, watcher: Watcher<SocialCountsView>): Unsubscribe {
  return watchDoc(
    doc(db, paths.socialCounts(uid)).withConverter(countsConverter),
    (snapshot) => dataOrNull(snapshot) ?? NO_COUNTS,
    watcher,
  );
}

/** The lists of the connections page, each one query on the member's own connections. */
export const CONNECTION_LISTS = {
  friends: { field: "friend", state: "yes" },
  followers: { field: "followedBy", state: "yes" },
  following: { field: "following", state: "yes" },
  friendRequests: { field: "friend", state: "received" },
  followRequests: { field: "followedBy", state: "requested" },
  sentFriendRequests: { field: "friend", state: "sent" },
  sentFollowRequests: { field: "following", state: "requested" },
} as const satisfies Record<string, { field: keyof Connection; state: string }>;
export type ConnectionList = keyof typeof CONNECTION_LISTS;

/** The newest `max` of one list, live. */
export function watchConnectionList(
  uid: string,
  list: ConnectionList,
  max: number,
  watcher: Watcher<Item<Connection>[]>,
): Unsubscribe {
  const { field, state } = CONNECTION_LISTS[list];
  const q = query(
    collection(db, paths.connections(uid)),
    where(field, "==", state),
    orderBy("updatedAt", "desc"),
    limit(max),
  ).withConverter(connectionConverter);
  return watchQuery(q, allItems, watcher);
}

export type SocialSettingsView = Pick<SocialSettings, "approveFollowers" | "friendRequestsFrom" | "activityAudience">;

export function watchSocialSettings(uid: string, watcher: Watcher<SocialSettingsView>): Unsubscribe {
  return watchDoc(
    doc(db, paths.socialSettings(uid)).withConverter(settingsConverter),
    (snapshot) => dataOrNull(snapshot) ?? DEFAULT_SOCIAL_SETTINGS,
    watcher,
  );
}

export async function saveSocialSettings(uid: string, settings: SocialSettingsView): Promise<void> {
  await setDoc(doc(db, paths.socialSettings(uid)), { ...settings, updatedAt: serverTimestamp() });
}

const feedConverter = converterFor(feedEntrySchema);

/** The newest `max` entries of the member's feed, live: a friend's new activity appears at the top. */
export function watchFeed(uid: string, max: number, watcher: Watcher<Item<FeedEntry>[]>): Unsubscribe {
  const q = query(collection(db, paths.feed(uid)), orderBy("createdAt", "desc"), limit(max)).withConverter(
    feedConverter,
  );
  return watchQuery(q, allItems, watcher);
}
