/** The Discover queue's rules (queueSelection.ts) and when a change calls for a rebuild (queueFreshness.ts). */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_MATCH_PREFERENCES,
  UNKNOWN_RELIABILITY,
  type MatchAction,
  type PrivateSettings,
  type UserProfile,
} from "../../src/model/index.js";
import type { Member } from "../../src/matching/members.js";
import { locationChanged, rebuiltSince, scoredFieldsChanged } from "../../src/matching/queueFreshness.js";
import {
  planQueues,
  takesPartInDiscover,
  type Neighbourhood,
  type QueueOwner,
} from "../../src/matching/queueSelection.js";
import { DEFAULT_MATCHING_CONFIG, RELIABLE_REASON, type PairHistory } from "../../src/matching/scoring.js";

const LONDON = { lat: 51.5072, lng: -0.1276 };
const kmNorth = (km: number) => ({ lat: LONDON.lat + km / 111.2, lng: LONDON.lng });

function member(uid: string, overrides: Partial<Member> = {}): Member {
  return {
    uid,
    role: "member",
    disabled: false,
    onboardingComplete: true,
    fitnessLevel: "intermediate",
    interests: ["running", "hiit"],
    availability: ["tue:evening"],
    hasLocation: true,
    preferences: DEFAULT_MATCH_PREFERENCES,
    displayName: `Member ${uid}`,
    photoURL: null,
    location: LONDON,
    reliability: UNKNOWN_RELIABILITY,
    ...overrides,
  };
}

const me = member("me") as QueueOwner;

function around(others: Member[], pairs: Partial<Omit<Neighbourhood, "others">> = {}): Neighbourhood {
  return {
    others,
    myActions: new Map<string, MatchAction | null>(),
    myBlocks: new Set<string>(),
    blockedMe: new Set<string>(),
    theirActions: new Map<string, MatchAction>(),
    history: new Map<string, PairHistory>(),
    ...pairs,
  };
}

const plan = (
  neighbourhood: Neighbourhood | null,
  opts: { previous?: string[]; fanout?: boolean; owner?: QueueOwner | null; queueSize?: number } = {},
) =>
  planQueues({
    me: opts.owner === undefined ? me : opts.owner,
    neighbourhood,
    previous: opts.previous ?? [],
    fanout: opts.fanout ?? true,
    config: { ...DEFAULT_MATCHING_CONFIG, queueSize: opts.queueSize ?? DEFAULT_MATCHING_CONFIG.queueSize },
  });

describe("planQueues", () => {
  it("queues reciprocal fits best first, and leaves out blocks either way, no location and misfits", () => {
    const result = plan(
      around(
        [
          member("mid", { location: kmNorth(4) }),
          member("best", { location: kmNorth(0.5) }),
          member("far", { location: kmNorth(30) }),
          member("blockedByMe", { location: kmNorth(1) }),
          member("blockedMe", { location: kmNorth(1) }),
          member("nowhere", { location: null, hasLocation: false }),
          member("picky", {
            location: kmNorth(1),
            preferences: { ...DEFAULT_MATCH_PREFERENCES, fitnessLevels: ["advanced"] },
          }),
        ],
        { myBlocks: new Set(["blockedByMe"]), blockedMe: new Set(["blockedMe"]) },
      ),
    );
    expect(result.mine.map((c) => c.uid)).toEqual(["best", "mid"]);
    expect(result.mine[0]!.score).toBeGreaterThan(result.mine[1]!.score);
    expect(result.mine[0]!.rank).toBe(result.mine[0]!.score);
    expect(result.theirs.map((t) => t.ownerUid)).toEqual(["mid", "best"]);
  });

  it("leaves out of my queue whom I answered, and me out of the queue of whoever answered me", () => {
    const result = plan(
      around([member("liked"), member("unreadable"), member("answeredMe"), member("fresh")], {
        myActions: new Map<string, MatchAction | null>([
          ["liked", "like"],
          ["unreadable", null],
        ]),
        theirActions: new Map<string, MatchAction>([["answeredMe", "pass"]]),
      }),
    );
    expect(result.mine.map((c) => c.uid).sort()).toEqual(["answeredMe", "fresh"]);
    expect(result.theirs.map((t) => t.ownerUid).sort()).toEqual(["fresh", "liked", "unreadable"]);
  });

  it("raises a super-liker in my queue by rank, not score, and marks my super-like on my card in theirs", () => {
    const result = plan(
      around([member("near", { location: kmNorth(0.2) }), member("superLiker", { location: kmNorth(6) })], {
        theirActions: new Map<string, MatchAction>([["superLiker", "super_like"]]),
        myActions: new Map<string, MatchAction | null>([["near", "super_like"]]),
      }),
    );
    const [superLiker] = result.mine;
    expect(superLiker).toMatchObject({ uid: "superLiker", superLikedYou: true });
    expect(superLiker!.rank).toBe(superLiker!.score + DEFAULT_MATCHING_CONFIG.superLikeRankBoost);
    const mineInNear = result.theirs.find((t) => t.ownerUid === "near")!.card;
    expect(mineInNear).toMatchObject({ uid: "me", superLikedYou: true, displayName: "Member me" });
    expect(mineInNear.rank).toBe(mineInNear.score + DEFAULT_MATCHING_CONFIG.superLikeRankBoost);
  });

  it("scores a pair the same from either side, with the history given", () => {
    const result = plan(
      around([member("mate", { location: kmNorth(2) })], {
        history: new Map([["mate", { classesTogether: 3, mutualPartners: 1 }]]),
      }),
    );
    const mine = result.mine[0]!;
    const theirs = result.theirs[0]!.card;
    expect(theirs.score).toBe(mine.score);
    expect(theirs.factors).toEqual(mine.factors);
    expect(mine.factors.history).toBeGreaterThan(0);
  });

  it("tells each queue's owner of the other's reliability, not their own", () => {
    const proven = { score: 1, proven: true };
    const owner = { ...me, reliability: proven };
    const result = plan(around([member("mate", { location: kmNorth(2) })]), { owner });
    expect(result.mine[0]!.reasons).not.toContain(RELIABLE_REASON);
    expect(result.theirs[0]!.card.reasons).toContain(RELIABLE_REASON);
  });

  it("caps my queue at the queue size, keeping the best", () => {
    const others = [5, 1, 3, 2, 4].map((km) => member(`at${km}`, { location: kmNorth(km) }));
    const result = plan(around(others), { queueSize: 2 });
    expect(result.mine.map((c) => c.uid)).toEqual(["at1", "at2"]);
    // The cap is on my queue only: every fitting neighbour still gets my card.
    expect(result.theirs).toHaveLength(5);
  });

  it("drops old cards not kept; with fan-out, me from their queue too unless just rewritten", () => {
    const result = plan(
      around([member("kept"), member("answered"), member("answeredMe")], {
        myActions: new Map<string, MatchAction | null>([["answered", "pass"]]),
        theirActions: new Map<string, MatchAction>([["answeredMe", "like"]]),
      }),
      { previous: ["kept", "answered", "gone"] },
    );
    expect(result.dropFromMine.sort()).toEqual(["answered", "gone"]);
    // "answered" still fits and has not answered me: my card in their queue was just rewritten.
    expect(result.dropFromTheirs).toEqual(["gone"]);
  });

  it("without fan-out touches only my queue", () => {
    const result = plan(around([member("a")]), { previous: ["gone"], fanout: false });
    expect(result.mine.map((c) => c.uid)).toEqual(["a"]);
    expect(result.theirs).toEqual([]);
    expect(result.dropFromMine).toEqual(["gone"]);
    expect(result.dropFromTheirs).toEqual([]);
  });

  it("drops everything when I no longer take part", () => {
    const result = plan(null, { owner: null, previous: ["a", "b"] });
    expect(result).toEqual({ mine: [], theirs: [], dropFromMine: ["a", "b"], dropFromTheirs: ["a", "b"] });
  });
});

describe("takesPartInDiscover", () => {
  it("needs a location, a complete profile, discoverable and enabled", () => {
    expect(takesPartInDiscover(member("a"))).toBe(true);
    expect(takesPartInDiscover(undefined)).toBe(false);
    expect(takesPartInDiscover(member("a", { location: null, hasLocation: false }))).toBe(false);
    expect(takesPartInDiscover(member("a", { interests: [] }))).toBe(false);
    expect(takesPartInDiscover(member("a", { disabled: true }))).toBe(false);
    expect(
      takesPartInDiscover(member("a", { preferences: { ...DEFAULT_MATCH_PREFERENCES, discoverable: false } })),
    ).toBe(false);
  });
});

describe("queue freshness", () => {
  const profile = {
    displayName: "Ann",
    bio: "",
    fitnessLevel: "intermediate",
    interests: ["running"],
    city: "london",
    geohash: "gcpvj",
    availability: ["tue:evening"],
    photoURL: null,
    onboardingComplete: true,
    role: "member",
    disabled: false,
  } as unknown as UserProfile;

  it("rebuilds for a scored profile field, not for the rest", () => {
    expect(scoredFieldsChanged(profile, { ...profile, bio: "Runs at dawn" })).toBe(false);
    expect(scoredFieldsChanged(profile, { ...profile, interests: ["running", "yoga"] })).toBe(true);
    expect(scoredFieldsChanged(profile, { ...profile, disabled: true })).toBe(true);
    expect(scoredFieldsChanged(null, profile)).toBe(true);
  });

  it("rebuilds when the exact location moves, appears or goes", () => {
    const at = { lat: 51.5, lng: -0.12, geohash: "gcpvj0e5mz" };
    const settings = { location: at, timeZone: "Europe/London" } as unknown as PrivateSettings;
    expect(locationChanged(settings, { ...settings, timeZone: "Europe/Lisbon" })).toBe(false);
    expect(locationChanged(settings, { ...settings, location: { ...at, lat: 51.6 } })).toBe(true);
    expect(locationChanged(null, settings)).toBe(true);
    expect(locationChanged(settings, { ...settings, location: null })).toBe(true);
    expect(locationChanged(null, { ...settings, location: null })).toBe(false);
  });

  it("skips a change a later rebuild already read", () => {
    expect(rebuiltSince(null, 1_000)).toBe(false);
    expect(rebuiltSince(999, 1_000)).toBe(false);
    expect(rebuiltSince(1_001, 1_000)).toBe(true);
  });
});
