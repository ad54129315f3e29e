import { describe, expect, it } from "vitest";
import { connectionChoices, connectionSummary } from "./connectionChoices";

const labels = (pair: Parameters<typeof connectionChoices>[0]) => connectionChoices(pair).map((c) => c.label);

describe("connectionChoices", () => {
  it("offers a stranger a friend request and a follow", () => {
    expect(labels(null)).toEqual(["Add friend", "Follow"]);
  });

  it("offers to accept or decline a request received, and to approve a follower who asked", () => {
    expect(labels({ following: "none", followedBy: "requested", friend: "received" })).toEqual([
      "Accept friend request",
      "Decline",
      "Follow",
      "Approve follower",
      "Decline follower",
    ]);
  });

  it("lets friends who follow each other undo each part on its own", () => {
    expect(labels({ following: "yes", followedBy: "yes", friend: "yes" })).toEqual([
      "Remove friend",
      "Unfollow",
      "Remove follower",
    ]);
  });
});

describe("connectionSummary", () => {
  it("says nothing of strangers and names every part of a pair", () => {
    expect(connectionSummary(null)).toBe("");
    expect(connectionSummary({ following: "requested", followedBy: "yes", friend: "sent" })).toBe(
      "Friend request sent · Follow request sent · Follows you",
    );
  });
});
