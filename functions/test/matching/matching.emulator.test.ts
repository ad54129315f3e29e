/**
 * Matching end to end through the emulators: clients write actions and blocks under the rules,
 * the deployed triggers form and dissolve matches, and the callables answer as a client sees them.
 */
import { collection, doc, onSnapshot, query, serverTimestamp, setDoc, where, writeBatch } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collections,
  paths,
  pairIdOf,
  utcDayNumber,
  type GetClassRecommendationsResponse,
  type GetPartnerMatchesRequest,
  type GetPartnerMatchesResponse,
  ratingSummaryId,
} from "../../src/model/index.js";
import { admin, callError, closeAdmin, shownMessage, waitForDoc } from "../support/emulators.js";
import { shownDistanceKm } from "../../src/matching/matchingPoint.js";
import { distanceKm } from "../../src/matching/scoring.js";
import { kmNorthOf, matchingPointInTests, putMember, type MemberSpec } from "../support/matchingScenario.js";
import { createClass, signedInMembers, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
let members: Member[] = [];
const partners = (c: Client, req: GetPartnerMatchesRequest = {}) =>
  c.call<GetPartnerMatchesRequest, GetPartnerMatchesResponse>("getPartnerMatches", req);
const act = (m: Member, target: string, action: "like" | "pass") =>
  setDoc(doc(m.db, paths.matchAction(m.uid, target)), { targetUid: target, action, createdAt: serverTimestamp() });
/** A like needs the target in the liker's queue (the rules check it), which the triggers fill. */
const inQueue = (m: Member, target: Member) =>
  waitForDoc(paths.candidate(m.uid, target.uid), (d) => (d ? true : undefined), 45_000);

/** Members far from everyone else's tests: each scenario gets its own spot on the map. */
const HERE = { lat: 38.7223 + Math.random(), lng: -9.1393 };
async function place(m: Member, spec: MemberSpec = {}) {
  await putMember(admin.db, m.uid, { at: HERE, ...spec });
}

/** Resolves once `check` passes on a fresh call, polling while triggers catch up. */
async function eventually<T>(fn: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  members = await signedInMembers(5, "matching");
  const [a, b, c, d, e] = members;
  await Promise.all([
    place(a!),
    place(b!, { at: kmNorthOf(1, HERE) }),
    place(c!, { at: kmNorthOf(2, HERE) }),
    place(d!, { at: kmNorthOf(1, HERE), profile: { availability: [] } }),
    place(e!, { at: kmNorthOf(3, HERE) }),
  ]);
}, 90_000);
afterAll(async () => {
  await Promise.all(members.map((m) => m.close()));
  await closeAdmin();
});

describe("getPartnerMatches", () => {
  it("returns nearby members with score, reasons and distance, never the caller", async () => {
    const [a, b, c] = members;
    const page = await eventually(
      () => partners(c!),
      (p) => [a!.uid, b!.uid].every((u) => p.matches.some((m) => m.uid === u)),
    );
    const uids = page.matches.map((m) => m.uid);
    expect(uids).toEqual(expect.arrayContaining([a!.uid, b!.uid]));
    expect(uids).not.toContain(c!.uid);
    const b1 = page.matches.find((m) => m.uid === b!.uid)!;
    // 1 km apart, shown from their matching points (matchingPoint.ts), in whole kilometres.
    const apart = distanceKm(
      matchingPointInTests(b!.uid, kmNorthOf(1, HERE)),
      matchingPointInTests(c!.uid, kmNorthOf(2, HERE)),
    );
    expect(b1.distanceKm).toBe(shownDistanceKm(apart));
    expect(b1.reasons).toContain("You both do HIIT and running");
  }, 90_000);

  it("rejects a bad limit naming the field, and tells an incomplete member what to fill in", async () => {
    const [, , c, d] = members;
    const bad = await callError(partners(c!, { limit: 0 }));
    expect(bad.code).toBe("functions/invalid-argument");
    expect(shownMessage(bad)).toMatch(/^Invalid getPartnerMatches request: limit: /);
    const incomplete = await callError(partners(d!));
    expect(incomplete.code).toBe("functions/failed-precondition");
    expect(shownMessage(incomplete)).toBe("To see training partners, add when you are free to train.");
  });
});

describe("ids from the client", () => {
  it("rejects an id that could not be a document id as invalid-argument, naming the field", async () => {
    const [a] = members;
    for (const uid of ["a/b", "..", "__x__"]) {
      const error = await callError(a!.call("unmatch", { uid }));
      expect(error.code).toBe("functions/invalid-argument");
      expect(shownMessage(error)).toMatch(/^Invalid unmatch request: uid: /);
    }
    const forged = Buffer.from(JSON.stringify([50, "a/b"]), "utf8").toString("base64url");
    const cursor = await callError(partners(a!, { cursor: forged }));
    expect(cursor.code).toBe("functions/invalid-argument");
    expect(shownMessage(cursor)).toBe("cursor: Not a valid cursor.");
  });
});

describe("getClassRecommendations", () => {
  it("recommends an upcoming class near the member that fits their interests, with reasons", async () => {
    const [a] = members;
    const near = await createClass({
      title: "Riverside HIIT",
      tags: ["hiit"],
      city: "lisbon",
      location: { name: "Riverside", address: "", lat: HERE.lat, lng: HERE.lng, geohash: "eycs0" },
    });
    const far = await createClass({ title: "Far away HIIT", tags: ["hiit"], city: "lisbon" });
    const { classes } = await a!.call<{ limit: number }, GetClassRecommendationsResponse>("getClassRecommendations", {
      limit: 50,
    });
    const mine = classes.find((c) => c.classId === near);
    expect(mine?.reasons).toContain("You do HIIT");
    expect(mine!.score).toBeGreaterThan(0);
    expect(classes.map((c) => c.classId)).not.toContain(far);
  }, 40_000);

  it("ranks a class whose series members rated well above the same class unrated", async () => {
    const [a] = members;
    const location = { name: "Riverside", address: "", lat: HERE.lat, lng: HERE.lng, geohash: "eycs0" };
    const startsAt = admin.timestamp(Date.now() + 3 * 24 * 3600_000);
    const same = { title: "Riverside yoga", tags: ["yoga"], city: "lisbon", location, startsAt };
    const unrated = await createClass(same);
    const loved = await createClass({ ...same, seriesId: "loved-yoga-series" });
    await admin.db.doc(paths.ratingSummary(ratingSummaryId("series", "loved-yoga-series"))).set({
      subject: "series",
      subjectId: "loved-yoga-series",
      count: 50,
      sum: 245,
      histogram: [0, 0, 0, 5, 45],
      updatedAt: startsAt,
    });
    const { classes } = await a!.call<{ limit: number }, GetClassRecommendationsResponse>("getClassRecommendations", {
      limit: 50,
    });
    const rank = (id: string) => classes.findIndex((c) => c.classId === id);
    expect(rank(loved)).toBeGreaterThanOrEqual(0);
    expect(rank(loved)).toBeLessThan(rank(unrated));
    expect(classes[rank(loved)]!.score).toBeGreaterThan(classes[rank(unrated)]!.score);
  }, 40_000);
});

describe("reach", () => {
  it("refuses a like or super-like to a member who is not in the liker's queue", async () => {
    const [a, , , d] = members;
    // d has not said when they are free, so nobody's queue holds them; a knows d's uid anyway.
    await expect(act(a!, d!.uid, "like")).rejects.toMatchObject({ code: "permission-denied" });
    const batch = writeBatch(a!.db);
    batch.set(doc(a!.db, paths.matchAction(a!.uid, d!.uid)), {
      targetUid: d!.uid,
      action: "super_like",
      createdAt: serverTimestamp(),
    });
    batch.set(doc(a!.db, paths.superLikeQuota(a!.uid)), {
      day: utcDayNumber(Date.now()),
      count: 1,
      lastTargetUid: d!.uid,
    });
    await expect(batch.commit()).rejects.toMatchObject({ code: "permission-denied" });
    expect((await admin.db.doc(paths.notification(d!.uid, `super_like-${a!.uid}`)).get()).exists).toBe(false);
  });
});

describe("mutual likes", () => {
  it("form one match both members see live, with a conversation and a notice each", async () => {
    const [a, b] = members;
    const pairId = pairIdOf(a!.uid, b!.uid);
    const seenByB = new Promise<string[]>((resolve) => {
      const mine = query(collection(b!.db, collections.matches), where("userIds", "array-contains", b!.uid));
      const stop = onSnapshot(mine, (snap) => {
        if (snap.size > 0) {
          stop();
          resolve(snap.docs.map((d) => d.id));
        }
      });
    });
    await Promise.all([inQueue(a!, b!), inQueue(b!, a!)]);
    await Promise.all([act(a!, b!.uid, "like"), act(b!, a!.uid, "like")]);
    expect(await seenByB).toEqual([pairId]);
    await waitForDoc(paths.conversation(pairId), (d) => (d?.["status"] === "open" ? true : undefined));
    for (const m of [a!, b!]) {
      await waitForDoc(paths.notification(m.uid, `match-${pairId}`), (d) =>
        d?.["type"] === "match" ? true : undefined,
      );
    }
    const matches = await admin.db.collection(collections.matches).where("userIds", "array-contains", a!.uid).get();
    expect(matches.size).toBe(1);
  }, 40_000);

  it("a block by either member dissolves the match and closes the conversation", async () => {
    const [a, b] = members;
    const pairId = pairIdOf(a!.uid, b!.uid);
    await waitForDoc(paths.match(pairId), (d) => (d ? true : undefined));
    await setDoc(doc(a!.db, paths.block(a!.uid, b!.uid)), { blockedUid: b!.uid, createdAt: serverTimestamp() });
    await waitForDoc(paths.match(pairId), (d) => (d ? undefined : true));
    await waitForDoc(paths.conversation(pairId), (d) => (d?.["status"] === "closed" ? true : undefined));
  }, 40_000);

  it("a super-like reaches its recipient as a notice", async () => {
    const [, , c, , e] = members;
    await inQueue(c!, e!);
    const batch = writeBatch(c!.db);
    batch.set(doc(c!.db, paths.matchAction(c!.uid, e!.uid)), {
      targetUid: e!.uid,
      action: "super_like",
      createdAt: serverTimestamp(),
    });
    batch.set(doc(c!.db, paths.superLikeQuota(c!.uid)), {
      day: utcDayNumber(Date.now()),
      count: 1,
      lastTargetUid: e!.uid,
    });
    await batch.commit();
    const title = await waitForDoc(paths.notification(e!.uid, `super_like-${c!.uid}`), (d) => d?.["title"] as string);
    expect(title).toBe(`Member ${c!.uid} super-liked you`);
  }, 40_000);

  it("unmatch closes the conversation; only a member of the pair can do it", async () => {
    const [, , c, , e] = members;
    const pairId = pairIdOf(c!.uid, e!.uid);
    await inQueue(e!, c!);
    await act(e!, c!.uid, "like");
    await waitForDoc(paths.match(pairId), (d) => (d ? true : undefined));
    const [, b] = members;
    const stranger = await callError(b!.call("unmatch", { uid: c!.uid }));
    expect(stranger.code).toBe("functions/not-found");
    await e!.call("unmatch", { uid: c!.uid });
    expect((await admin.db.doc(paths.match(pairId)).get()).exists).toBe(false);
    expect((await admin.db.doc(paths.conversation(pairId)).get()).get("status")).toBe("closed");
  }, 40_000);
});
