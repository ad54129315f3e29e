import { describe, expect, it } from "vitest";
import { pairIdOf, type TimestampLike } from "../../functions/src/model/index.js";
import { demoMatchPartners, generateDemoConversations } from "./demoConversations.js";
import { FIXED_LOGINS, generateDemoData } from "./demoData.js";
import { DEMO_ADMIRERS, demoAdmirers } from "./demoMatching.js";

const timestamp = (millis: number): TimestampLike => ({ toMillis: () => millis });
const NOW = new Date("2025-03-27T10:15:00Z");
const { accounts } = generateDemoData({ now: NOW, timestamp });

describe("the demo member's matches and admirers", () => {
  it("gives her two matches, each with its conversation", () => {
    const partners = demoMatchPartners(accounts);
    const conversations = generateDemoConversations(accounts, NOW.getTime(), timestamp);
    expect(partners).toHaveLength(2);
    expect(conversations.map((c) => c.id)).toEqual(partners.map((p) => pairIdOf(FIXED_LOGINS.member.uid, p.uid)));
  });

  it("chooses admirers she has not matched yet, so liking one back makes a new match", () => {
    const admirers = demoAdmirers(accounts).map((a) => a.uid);
    const matched = demoMatchPartners(accounts).map((a) => a.uid);
    expect(admirers).toHaveLength(DEMO_ADMIRERS);
    expect(admirers.filter((uid) => matched.includes(uid))).toEqual([]);
    expect(admirers).not.toContain(FIXED_LOGINS.member.uid);
  });
});
