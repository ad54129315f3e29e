/** What a connection action does to a pair, its counts and its news (social/connections.ts). */
import { describe, expect, it } from "vitest";
import type { ConnectionAction } from "../../src/model/index.js";
import {
  countChanges,
  decideConnection,
  mirror,
  newsFor,
  NO_CONNECTION,
  type ConnectionContext,
  type PairView,
} from "../../src/social/connections.js";
import { DomainError } from "../../src/shared/errors.js";

const open: ConnectionContext = {
  settings: { approveFollowers: false, friendRequestsFrom: "everyone" },
  matched: false,
};
const view = (overrides: Partial<PairView> = {}): PairView => ({ ...NO_CONNECTION, ...overrides });

function refusal(before: PairView, action: ConnectionAction, context = open): string | null {
  try {
    decideConnection(before, action, context);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
}

describe("decideConnection", () => {
  it("follows at once, or asks when the other member approves followers, except a friend", () => {
    expect(decideConnection(view(), "follow", open).following).toBe("yes");
    const approving = { ...open, settings: { ...open.settings, approveFollowers: true } };
    expect(decideConnection(view(), "follow", approving).following).toBe("requested");
    expect(decideConnection(view({ friend: "yes" }), "follow", approving).following).toBe("yes");
  });

  it("approves only a follower who asked, and an approval or a follow done twice changes nothing", () => {
    expect(decideConnection(view({ followedBy: "requested" }), "approve_follower", open).followedBy).toBe("yes");
    expect(refusal(view(), "approve_follower")).toBe("failed-precondition");
    const following = view({ following: "yes" });
    expect(decideConnection(following, "follow", open)).toEqual(following);
    expect(decideConnection(view({ followedBy: "yes" }), "approve_follower", open).followedBy).toBe("yes");
  });

  it("sends a friend request as the other member's settings allow", () => {
    expect(decideConnection(view(), "request_friend", open).friend).toBe("sent");
    const matchesOnly = { ...open, settings: { ...open.settings, friendRequestsFrom: "matches" as const } };
    expect(refusal(view(), "request_friend", matchesOnly)).toBe("permission-denied");
    expect(decideConnection(view(), "request_friend", { ...matchesOnly, matched: true }).friend).toBe("sent");
    const nobody = { matched: true, settings: { ...open.settings, friendRequestsFrom: "nobody" as const } };
    expect(refusal(view(), "request_friend", nobody)).toBe("permission-denied");
  });

  it("asking someone who asked you makes you friends, whatever their settings say", () => {
    const nobody = { ...open, settings: { ...open.settings, friendRequestsFrom: "nobody" as const } };
    expect(decideConnection(view({ friend: "received" }), "request_friend", nobody).friend).toBe("yes");
    expect(decideConnection(view({ friend: "received" }), "accept_friend", open).friend).toBe("yes");
    expect(refusal(view({ friend: "sent" }), "accept_friend")).toBe("failed-precondition");
  });

  it("declines, cancels and removes only what is there, leaving follows alone", () => {
    const both = view({ following: "yes", followedBy: "yes" });
    expect(decideConnection({ ...both, friend: "received" }, "decline_friend", open)).toEqual(both);
    expect(decideConnection({ ...both, friend: "sent" }, "decline_friend", open).friend).toBe("sent");
    expect(decideConnection({ ...both, friend: "sent" }, "cancel_friend_request", open)).toEqual(both);
    expect(decideConnection({ ...both, friend: "yes" }, "remove_friend", open)).toEqual(both);
    expect(decideConnection(both, "unfollow", open)).toEqual(view({ followedBy: "yes" }));
    expect(decideConnection(both, "remove_follower", open)).toEqual(view({ following: "yes" }));
  });
});

describe("mirror", () => {
  it("is the pair from the other side, and twice is the pair again", () => {
    const pair = view({ following: "requested", followedBy: "yes", friend: "sent" });
    expect(mirror(pair)).toEqual({ following: "yes", followedBy: "requested", friend: "received" });
    expect(mirror(mirror(pair))).toEqual(pair);
  });
});

describe("countChanges", () => {
  it("counts only what is accepted, on both members", () => {
    expect(countChanges(view(), view({ following: "requested" }))).toEqual({
      actor: { followers: 0, following: 0, friends: 0 },
      other: { followers: 0, following: 0, friends: 0 },
    });
    expect(countChanges(view({ following: "requested" }), view({ following: "yes", friend: "yes" }))).toEqual({
      actor: { followers: 0, following: 1, friends: 1 },
      other: { followers: 1, following: 0, friends: 1 },
    });
  });

  it("undoes everything when a pair is severed", () => {
    const all = view({ following: "yes", followedBy: "yes", friend: "yes" });
    expect(countChanges(all, NO_CONNECTION)).toEqual({
      actor: { followers: -1, following: -1, friends: -1 },
      other: { followers: -1, following: -1, friends: -1 },
    });
  });
});

describe("newsFor", () => {
  it("tells the other member when someone reaches out or says yes, never when they step back", () => {
    expect(newsFor(view(), view({ following: "yes" }))).toEqual(["followed"]);
    expect(newsFor(view(), view({ following: "requested" }))).toEqual(["follow_requested"]);
    expect(newsFor(view({ followedBy: "requested" }), view({ followedBy: "yes" }))).toEqual(["follow_approved"]);
    expect(newsFor(view(), view({ friend: "sent" }))).toEqual(["friend_requested"]);
    expect(newsFor(view({ friend: "received" }), view({ friend: "yes" }))).toEqual(["friend_accepted"]);
    expect(newsFor(view({ friend: "yes", following: "yes" }), view())).toEqual([]);
  });
});
