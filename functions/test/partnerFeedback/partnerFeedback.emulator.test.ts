/**
 * Partner feedback through the deployed callables and the store: a checked-in member answers for
 * a matched partner, privately and once; the answer is sealed until the partner answers too or
 * the window closes, then counted exactly once in the partner's reliability; a no-show pattern
 * reaches moderators as one report; and reliability changes who ranks first in Discover.
 */
import { doc, getDoc } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMembers, loadNeighbourhood } from "../../src/matching/memberStore.js";
import { planQueues, type QueueOwner } from "../../src/matching/queueSelection.js";
import { matchingConfigOf, RELIABLE_REASON } from "../../src/matching/scoring.js";
import {
  noShowReportId,
  pairIdOf,
  partnerFeedbackId,
  paths,
  PARTNER_FEEDBACK_LIMITS,
  SYSTEM_REPORTER_ID,
  type GetPartnerFeedbackPromptsRequest,
  type GetPartnerFeedbackPromptsResponse,
  type Reliability,
  type SubmitPartnerFeedbackRequest,
  type SubmitPartnerFeedbackResponse,
} from "../../src/model/index.js";
import { applyClosedFeedback } from "../../src/partnerFeedback/index.js";
import { testAttendeeRow } from "../support/classFixture.js";
import { admin, callError, closeAdmin, shownMessage } from "../support/emulators.js";
import { kmNorthOf, putMember } from "../support/matchingScenario.js";
import { createClass, signedInMembers, type Client } from "../support/scenarios.js";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const WINDOW_CLOSED = (PARTNER_FEEDBACK_LIMITS.windowDays + 1) * DAY;

type Member = Client & { uid: string };
let ana: Member;
let ben: Member;
let cai: Member;
let dee: Member;

const give = (m: Member, request: SubmitPartnerFeedbackRequest) =>
  m.call<SubmitPartnerFeedbackRequest, SubmitPartnerFeedbackResponse>("submitPartnerFeedback", request);
const promptsFor = (m: Member, classId: string) =>
  m.call<GetPartnerFeedbackPromptsRequest, GetPartnerFeedbackPromptsResponse>("getPartnerFeedbackPrompts", {
    classId,
  });
const showedUp = { showedUp: true, trainAgain: true, tags: ["punctual" as const] };
const noShow = { showedUp: false };

async function match(a: Member, b: Member) {
  const pairId = pairIdOf(a.uid, b.uid);
  await admin.db.doc(paths.match(pairId)).set({
    userIds: [a.uid, b.uid].sort(),
    createdAt: admin.timestamp(Date.now()),
    conversationId: pairId,
  });
}

/** A class that ended two hours ago, with each member's roster row. */
async function endedClass(roster: [Member, "attended" | "confirmed" | "no_show"][]) {
  const durationMinutes = 45;
  const classId = await createClass({
    startsAt: admin.timestamp(Date.now() - 2 * HOUR - durationMinutes * 60_000),
    durationMinutes,
  });
  await Promise.all(
    roster.map(([m, status]) =>
      admin.db.doc(paths.attendee(classId, m.uid)).set(testAttendeeRow(classId, m.uid, status)),
    ),
  );
  return classId;
}

const reliabilityOf = async (uid: string) =>
  (await admin.db.doc(paths.reliability(uid)).get()).data() as Reliability | undefined;
const feedbackDoc = (classId: string, author: Member, subject: Member) =>
  admin.db.doc(paths.partnerFeedback(partnerFeedbackId(classId, author.uid, subject.uid)));

beforeAll(async () => {
  const crowd = await signedInMembers(4, "partner");
  [ana, ben, cai, dee] = [crowd[0]!, crowd[1]!, crowd[2]!, crowd[3]!];
  await Promise.all([match(ana, ben), match(ana, dee)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([ana, ben, cai, dee].map((m) => m.close()));
  await closeAdmin();
});

describe("submitPartnerFeedback", () => {
  it("keeps an answer sealed until the partner answers, then counts both once", async () => {
    const classId = await endedClass([
      [ana, "attended"],
      [ben, "attended"],
    ]);
    expect(await give(ana, { classId, subjectUid: ben.uid, ...showedUp })).toEqual({ recorded: true });

    const mine = (await feedbackDoc(classId, ana, ben).get()).data();
    expect(mine).toMatchObject({ showedUp: true, trainAgain: true, tags: ["punctual"], appliedAt: null });
    expect(await reliabilityOf(ben.uid)).toBeUndefined();
    // Its author can read it back; its subject cannot, even knowing the id.
    const path = paths.partnerFeedback(partnerFeedbackId(classId, ana.uid, ben.uid));
    expect((await getDoc(doc(ana.db, path))).data()).toMatchObject({ showedUp: true });
    expect((await callError(getDoc(doc(ben.db, path)))).code).toBe("permission-denied");

    expect(await give(ben, { classId, subjectUid: ana.uid, showedUp: true, trainAgain: false })).toEqual({
      recorded: true,
    });
    expect(await reliabilityOf(ben.uid)).toMatchObject({ count: 1, noShows: 0, trainAgain: 1, tags: { punctual: 1 } });
    expect(await reliabilityOf(ana.uid)).toMatchObject({ count: 1, noShows: 0, trainAgain: 0, trainAgainAnswers: 1 });
    expect((await feedbackDoc(classId, ana, ben).get()).get("appliedAt")).not.toBeNull();

    // Final: answering again, even differently, changes nothing and counts nothing twice.
    expect(await give(ana, { classId, subjectUid: ben.uid, ...noShow })).toEqual({ recorded: false });
    expect(await reliabilityOf(ben.uid)).toMatchObject({ count: 1, noShows: 0 });
    // A window that closes later applies nothing more.
    await applyClosedFeedback(admin.db, Date.now() + WINDOW_CLOSED);
    expect(await reliabilityOf(ben.uid)).toMatchObject({ count: 1 });
  });

  it("lists a member's matched partners from the class, and nobody else", async () => {
    const classId = await endedClass([
      [ana, "attended"],
      [ben, "no_show"],
      [cai, "attended"],
      [dee, "confirmed"],
    ]);
    const prompts = await promptsFor(ana, classId);
    expect(prompts.partners.map((p) => p.uid).sort()).toEqual([ben.uid, dee.uid].sort());
    expect(prompts.partners.every((p) => !p.given)).toBe(true);
    expect(prompts.closesAt).not.toBeNull();
    await give(ana, { classId, subjectUid: dee.uid, ...showedUp });
    expect((await promptsFor(ana, classId)).partners.find((p) => p.uid === dee.uid)?.given).toBe(true);
    // Cai was there but matched with nobody; Dee never checked in: neither is asked.
    expect((await promptsFor(cai, classId)).partners).toEqual([]);
    expect(await promptsFor(dee, classId)).toEqual({ partners: [], closesAt: null });
  });

  it("refuses strangers, absentees and bad input, writing nothing", async () => {
    const classId = await endedClass([
      [ana, "attended"],
      [ben, "attended"],
      [cai, "attended"],
      [dee, "confirmed"],
    ]);
    const stranger = await callError(give(cai, { classId, subjectUid: ana.uid, ...noShow }));
    expect(stranger.code).toBe("functions/permission-denied");
    expect(shownMessage(stranger)).toMatch(/matched with/);
    const absentee = await callError(give(dee, { classId, subjectUid: ana.uid, ...noShow }));
    expect(absentee.code).toBe("functions/permission-denied");
    expect(shownMessage(absentee)).toMatch(/checked in/);

    const badTag = await callError(
      give(ana, { classId, subjectUid: ben.uid, showedUp: true, tags: ["lazy" as never] }),
    );
    expect(badTag.code).toBe("functions/invalid-argument");
    expect(shownMessage(badTag)).toMatch(/tags/);
    const praisedNoShow = await callError(
      give(ana, { classId, subjectUid: ben.uid, showedUp: false, tags: ["punctual"] }),
    );
    expect(praisedNoShow.code).toBe("functions/invalid-argument");
    expect(shownMessage(praisedNoShow)).toMatch(/showedUp/);
    expect((await feedbackDoc(classId, ana, ben).get()).exists).toBe(false);
    expect((await feedbackDoc(classId, cai, ana).get()).exists).toBe(false);
  });
});

describe("when the window closes", () => {
  it("applies an unanswered answer exactly once, however many runs race, and tells moderators of a no-show pattern once", async () => {
    // Ben misses three classes he booked with Dee; she answers each time, he never does.
    const before = (await reliabilityOf(ben.uid)) ?? { count: 0, noShows: 0 };
    const classIds: string[] = [];
    for (let k = 0; k < 3; k += 1) {
      const classId = await endedClass([
        [dee, "attended"],
        [ben, "confirmed"],
      ]);
      await match(dee, ben);
      await give(dee, { classId, subjectUid: ben.uid, ...noShow });
      classIds.push(classId);
    }
    // Sealed: nothing counts while the window is open and Ben has not answered.
    expect((await reliabilityOf(ben.uid))?.noShows ?? 0).toBe(before.noShows);

    const later = Date.now() + WINDOW_CLOSED;
    await Promise.all([applyClosedFeedback(admin.db, later), applyClosedFeedback(admin.db, later)]);
    await applyClosedFeedback(admin.db, later);

    const after = await reliabilityOf(ben.uid);
    expect(after).toMatchObject({ count: before.count + 3, noShows: before.noShows + 3 });
    for (const classId of classIds)
      expect((await feedbackDoc(classId, dee, ben).get()).get("appliedAt")).not.toBeNull();
    const report = (await admin.db.doc(paths.report(noShowReportId(ben.uid, after!.noShows))).get()).data();
    expect(report).toMatchObject({ reporterId: SYSTEM_REPORTER_ID, subjectUid: ben.uid, status: "open" });
    expect(report?.["details"]).toMatch(/did not show up/);
    const reportsOnBen = await admin.db.collection("reports").where("subjectUid", "==", ben.uid).get();
    expect(reportsOnBen.size).toBe(1);
  });
});

describe("reliability in Discover", () => {
  it("ranks the partner who shows up above an equal one who does not, and says why", async () => {
    const [viewer, steady, flaky] = await signedInMembers(3, "discover-reliability");
    const here = { lat: 40.4168 + Math.random(), lng: -3.7038 };
    await Promise.all([
      putMember(admin.db, viewer!.uid, { at: here }),
      putMember(admin.db, steady!.uid, { at: kmNorthOf(1, here) }),
      putMember(admin.db, flaky!.uid, { at: kmNorthOf(1, here) }),
    ]);
    // Matching points sit a random 1.2–2 km from home, so distance would tell the two apart; weigh
    // it at zero and the two are equal in everything but reliability.
    const config = matchingConfigOf({ weights: { distance: 0 } });
    const queueOfViewer = async () => {
      const me = (await loadMembers(admin.db, [viewer!.uid])).get(viewer!.uid) as QueueOwner;
      const neighbourhood = await loadNeighbourhood(admin.db, me);
      const plan = planQueues({ me, neighbourhood, previous: [], fanout: false, config });
      return new Map(plan.mine.map((card) => [card.uid, card]));
    };

    const before = await queueOfViewer();
    expect(before.get(steady!.uid)!.score).toBe(before.get(flaky!.uid)!.score);

    const record = (count: number, noShows: number) => ({
      count,
      noShows,
      trainAgain: count - noShows,
      trainAgainAnswers: count - noShows,
      tags: {},
      flaggedAtNoShows: 0,
      updatedAt: admin.timestamp(Date.now()),
    });
    await Promise.all([
      admin.db.doc(paths.reliability(steady!.uid)).set(record(5, 0)),
      admin.db.doc(paths.reliability(flaky!.uid)).set(record(5, 4)),
    ]);
    const after = await queueOfViewer();
    const [s, f] = [after.get(steady!.uid)!, after.get(flaky!.uid)!];
    expect(s.score).toBeGreaterThan(f.score);
    expect(s.factors.reliability).toBeGreaterThan(f.factors.reliability!);
    expect(s.reasons).toContain(RELIABLE_REASON);
    expect(f.reasons).not.toContain(RELIABLE_REASON);
    await Promise.all([viewer, steady, flaky].map((m) => m!.close()));
  });
});
