/** Who an activity reaches and who keeps it (social/feed.ts). */
import { describe, expect, it } from "vitest";
import { feedReaders, maySee } from "../../src/social/feed.js";

const sides = [
  { otherUid: "friend", friend: "yes", followedBy: "none" },
  { otherUid: "follower", friend: "none", followedBy: "yes" },
  { otherUid: "asked", friend: "received", followedBy: "requested" },
] as const;

describe("feedReaders", () => {
  it("reaches the author, friends, and followers only when public; never pending requests", () => {
    expect(feedReaders("me", "only_me", sides)).toEqual(["me"]);
    expect(feedReaders("me", "friends", sides)).toEqual(["me", "friend"]);
    expect(feedReaders("me", "public", sides)).toEqual(["me", "friend", "follower"]);
  });
});

describe("maySee", () => {
  it("lets a friend see all but the author's own, and a follower only what is public", () => {
    expect(maySee("friends", { friend: "yes", following: "none" })).toBe(true);
    expect(maySee("only_me", { friend: "yes", following: "yes" })).toBe(false);
    expect(maySee("friends", { friend: "none", following: "yes" })).toBe(false);
    expect(maySee("public", { friend: "none", following: "yes" })).toBe(true);
    expect(maySee("public", { friend: "sent", following: "requested" })).toBe(false);
  });
});
