/**
 * Demo conversations for the demo member, so their inbox is not empty: two matches with some
 * history, one of them with messages still unread. Pure: ids and times are derived from the
 * accounts and `now`, so a re-seed produces the same documents.
 */
import {
  membersOfPair,
  pairIdOf,
  type Conversation,
  type Message,
  type TimestampLike,
} from "../../functions/src/model/index.js";
import { FIXED_LOGINS, type DemoAccount } from "./demoData.js";

const MINUTE_MS = 60_000;

export interface DemoConversation {
  id: string;
  data: Conversation;
  messages: { id: string; data: Message }[];
}

/** Who says what: 0 is the demo member, 1 their match. Minutes ago, oldest first. */
const SCRIPTS: { lines: [0 | 1, string][]; unreadForMember: number }[] = [
  {
    unreadForMember: 2,
    lines: [
      [1, "Hi Maya! Saw you're into running too. Do you train along the canal?"],
      [0, "Hey! Yes, most mornings from Angel towards Victoria Park."],
      [1, "Same route! What pace do you usually go?"],
      [0, "Around 5:30/km on easy days, faster on Thursdays."],
      [1, "Perfect, that's my easy pace too."],
      [1, "Fancy a run on Saturday morning? 8am at the Angel lock?"],
      [1, "I can bring a spare bottle of water."],
    ],
  },
  {
    unreadForMember: 0,
    lines: [
      [0, "Thanks for the climbing tips last week!"],
      [1, "Any time. Did you try the overhang at the Castle?"],
      [0, "Twice. Fell off both times, but got further the second go."],
      [1, "That's how it starts. Tuesday evening session?"],
      [0, "Tuesday works. See you at 7."],
    ],
  },
];

/** The demo member's matches: the next members in their city after them. */
export function demoMatchPartners(accounts: readonly DemoAccount[]): DemoAccount[] {
  const me = FIXED_LOGINS.member.uid;
  const mine = accounts.find((a) => a.uid === me);
  return accounts
    .filter((a) => a.role === "member" && a.uid !== me && a.profile.city === mine?.profile.city)
    .slice(0, SCRIPTS.length);
}

export function generateDemoConversations(
  accounts: readonly DemoAccount[],
  nowMs: number,
  timestamp: (millis: number) => TimestampLike,
): DemoConversation[] {
  const me = FIXED_LOGINS.member.uid;
  const partners = demoMatchPartners(accounts);

  return partners.map((partner, p): DemoConversation => {
    const script = SCRIPTS[p]!;
    const id = pairIdOf(me, partner.uid);
    const speakers = [me, partner.uid] as const;
    // Conversations a day apart, messages a few minutes apart.
    const startMs = nowMs - (p + 1) * 24 * 60 * MINUTE_MS;
    const messages = script.lines.map(([who, text], i) => ({
      id: `demo-${String(i + 1).padStart(3, "0")}`,
      data: {
        senderId: speakers[who],
        text,
        createdAt: timestamp(startMs + i * 7 * MINUTE_MS),
        deleted: false,
        removedByModerator: false,
      },
    }));
    const last = messages.at(-1)!;
    return {
      id,
      data: {
        type: "direct",
        memberIds: membersOfPair(me, partner.uid),
        title: null,
        status: "open",
        matchId: id,
        classId: null,
        lastMessage: { text: last.data.text, senderId: last.data.senderId, sentAt: last.data.createdAt },
        unreadCounts: { [me]: script.unreadForMember, [partner.uid]: 0 },
        createdAt: timestamp(startMs - MINUTE_MS),
        updatedAt: last.data.createdAt,
      },
      messages,
    };
  });
}
