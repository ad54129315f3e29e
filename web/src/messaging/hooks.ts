/** Live messaging data for the pages: the inbox, one conversation, its members and its history. */
import { useCallback, useMemo, useState } from "react";
import type { ConversationMember } from "@numina/model";
import { errorMessage } from "../shared/errors";
import { useLive } from "../shared/hooks";
import {
  loadOlderMessages,
  watchConversation,
  watchLatestMessages,
  watchMembers,
  watchMyConversations,
  type ConversationItem,
  type MessageCursor,
  type MessageItem,
} from "./messagingStore";

export const useMyConversations = (uid: string) =>
  useLive<ConversationItem[]>(`conversations:${uid}`, (w) => watchMyConversations(uid, w));

export const useConversation = (conversationId: string) =>
  useLive<ConversationItem | null>(`conversation:${conversationId}`, (w) => watchConversation(conversationId, w));

export const useMembers = (conversationId: string) =>
  useLive<Record<string, ConversationMember>>(`members:${conversationId}`, (w) => watchMembers(conversationId, w));

/** The sum of the member's unread counts over their conversations: the header badge. */
export function unreadTotal(conversations: readonly ConversationItem[], uid: string): number {
  return conversations.reduce((sum, c) => sum + (c.data.unreadCounts[uid] ?? 0), 0);
}

export interface History {
  /** Oldest first, as they are shown. */
  messages: MessageItem[];
  status: "loading" | "ready" | "error";
  error: string | null;
  /** Older messages exist and can be loaded. */
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
}

/** What the live page has delivered since the chat opened. */
interface LiveMessages {
  /** Every message the live page has held, by id. */
  seen: MessageItem[];
  /** Where history continues below the first page; null: the first page reached the beginning. */
  cursor: MessageCursor | null;
}

/** Older pages loaded on demand, for one conversation. */
interface OlderPages {
  conversationId: string;
  messages: MessageItem[];
  /** undefined until a page is loaded: history continues from the live page's cursor. */
  cursor: MessageCursor | null | undefined;
  error: string | null;
}

const NO_MESSAGES: MessageItem[] = [];

const byTime = (a: MessageItem, b: MessageItem) =>
  a.data.createdAt.toMillis() - b.data.createdAt.toMillis() || a.id.localeCompare(b.id);

/**
 * The newest page live, plus older pages loaded on demand with a cursor. Messages are kept by id,
 * so one that slides out of the live page (many new ones arrived) stays on screen.
 */
export function useHistory(conversationId: string): History {
  const live = useLive<LiveMessages>(`history:${conversationId}`, (watcher) => {
    const seen = new Map<string, MessageItem>();
    let cursor: MessageCursor | null | undefined;
    return watchLatestMessages(conversationId, {
      next: (page) => {
        for (const m of page.messages) seen.set(m.id, m);
        // Only the first snapshot says where history continues; later ones are new arrivals.
        if (cursor === undefined) cursor = page.cursor;
        watcher.next({ seen: [...seen.values()], cursor });
      },
      error: (error) => watcher.error(error),
    });
  });

  const [stored, setOlder] = useState<OlderPages | null>(null);
  const older: OlderPages =
    stored?.conversationId === conversationId
      ? stored
      : { conversationId, messages: NO_MESSAGES, cursor: undefined, error: null };
  const [loadingOlder, setLoadingOlder] = useState(false);
  const liveCursor = live.status === "ready" ? live.value.cursor : null;
  const cursor = older.cursor === undefined ? liveCursor : older.cursor;

  const loadOlder = useCallback(() => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    const same = (current: OlderPages | null) => (current?.conversationId === conversationId ? current : null);
    loadOlderMessages(conversationId, cursor)
      .then((page) =>
        setOlder((current) => ({
          conversationId,
          messages: [...(same(current)?.messages ?? []), ...page.messages],
          cursor: page.cursor,
          error: null,
        })),
      )
      .catch((e: unknown) =>
        setOlder((current) => ({
          conversationId,
          messages: same(current)?.messages ?? [],
          cursor: same(current)?.cursor,
          error: errorMessage(e),
        })),
      )
      .finally(() => setLoadingOlder(false));
  }, [conversationId, cursor, loadingOlder]);

  const liveMessages = live.status === "ready" ? live.value.seen : null;
  const messages = useMemo(() => {
    const byId = new Map<string, MessageItem>();
    for (const m of older.messages) byId.set(m.id, m);
    // The live copy wins: it carries later edits (a deletion).
    for (const m of liveMessages ?? []) byId.set(m.id, m);
    return [...byId.values()].sort(byTime);
  }, [older.messages, liveMessages]);

  return {
    messages,
    status: live.status,
    error: live.status === "error" ? live.message : older.error,
    hasOlder: live.status === "ready" && cursor !== null,
    loadingOlder,
    loadOlder,
  };
}
