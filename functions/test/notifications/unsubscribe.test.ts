import { describe, expect, it } from "vitest";
import { unsubscribeUrl, verifyUnsubscribe } from "../../src/notifications/unsubscribe.js";

const SECRET = "test-secret";
const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe("unsubscribe links", () => {
  it("verifies a link it made", () => {
    const url = unsubscribeUrl("http://fn.test/unsubscribe", SECRET, "alice", "class_cancelled");
    expect(verifyUnsubscribe(SECRET, params(url))).toEqual({ uid: "alice", topic: "class_cancelled" });
  });

  it("refuses a link moved to another member or topic, or signed with another secret", () => {
    const url = params(unsubscribeUrl("http://fn.test/unsubscribe", SECRET, "alice", "class_cancelled"));
    expect(verifyUnsubscribe(SECRET, { ...url, u: "bob" })).toBeNull();
    expect(verifyUnsubscribe(SECRET, { ...url, t: "match" })).toBeNull();
    expect(verifyUnsubscribe("other-secret", url)).toBeNull();
    expect(verifyUnsubscribe(SECRET, { ...url, t: "lottery" })).toBeNull();
    expect(verifyUnsubscribe(SECRET, { u: "alice", t: "match" })).toBeNull();
  });

  it("refuses a uid that is not a document id, even one signed with the right secret", () => {
    for (const uid of ["a/b", "..", "__x__", ""]) {
      expect(
        verifyUnsubscribe(SECRET, params(unsubscribeUrl("http://fn.test/unsubscribe", SECRET, uid, "match"))),
      ).toBeNull();
    }
  });
});
