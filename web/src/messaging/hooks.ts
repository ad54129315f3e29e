/** Live messaging data for the pages: the inbox, one conversation, its members and its history. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueryDocumentSnapshot } from "firebase/firestore";
import type { ConversationMember, Message } from "@numina/model";
import { useLive } from "../classes/hooks";
import { errorMessage } from "../shared/errors";
import {
  loadOlderMessages,
  watchConversation,
  watchLatestMessages,
  watchMembers,
  watchMyConversations,
  type ConversationItem,
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

const byTime = (a: MessageItem, b: MessageItem) =>
  a.data.createdAt.toMillis() - b.data.createdAt.toMillis() || a.id.localeCompare(b.id);

/**
 * The newest page live, plus older pages loaded on demand with a cursor. Messages are kept by id,
 * so one that slides out of the live page (many new ones arrived) stays on screen.
 */
export function useHistory(conversationId: string): History {
  const [byId, setById] = useState<Map<string, MessageItem>>(new Map());
  const [status, setStatus] = useState<History["status"]>("loading");
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<QueryDocumentSnapshot<Message> | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const firstPage = useRef(true);

  useEffect(() => {
    setById(new Map());
    setStatus("loading");
    setCursor(null);
    setHasOlder(false);
    firstPage.current = true;
    return watchLatestMessages(conversationId, {
      next: (page) => {
        setById((current) => {
          const next = new Map(current);
          for (const m of page.messages) next.set(m.id, m);
          return next;
        });
        // Only the first snapshot sets where history continues; later ones are new arrivals.
        if (firstPage.current) {
          firstPage.current = false;
          setCursor(page.cursor);
          setHasOlder(page.cursor !== null);
        }
        setStatus("ready");
      },
      error: (e) => {
        setError(errorMessage(e));
        setStatus("error");
      },
    });
  }, [conversationId]);

  const loadOlder = useCallback(() => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    loadOlderMessages(conversationId, cursor)
      .then((page) => {
        setById((current) => {
          const next = new Map(current);
          for (const m of page.messages) if (!next.has(m.id)) next.set(m.id, m);
          return next;
        });
        setCursor(page.cursor);
        setHasOlder(page.cursor !== null);
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setLoadingOlder(false));
  }, [conversationId, cursor, loadingOlder]);

  return { messages: [...byId.values()].sort(byTime), status, error, hasOlder, loadingOlder, loadOlder };
}

/** Re-renders every second while `active`: a typing line expires without any new snapshot. */
export function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
