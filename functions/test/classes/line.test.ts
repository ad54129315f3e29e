import { describe, expect, it } from "vitest";
import {
  applyToLine,
  headNeededFor,
  type LineAnswer,
  type LineCounts,
  type LineRequest,
  type RowBefore,
} from "../../src/classes/line.js";

const now = Date.UTC(2026, 10, 25, 12);
const open = { status: "scheduled" as const, startsAtMs: now + 3_600_000 };
const join = (uid: string): LineRequest => ({ kind: "join", uid, nowMs: now });
const leave = (uid: string): LineRequest => ({ kind: "leave", uid, nowMs: now });
const counts = (c: Partial<LineCounts> = {}): LineCounts => ({
  capacity: 2,
  confirmed: 0,
  waitlisted: 0,
  ticketsIssued: 0,
  ...c,
});

function apply(input: {
  counts: LineCounts;
  requests: LineRequest[];
  rows?: Record<string, RowBefore>;
  head?: ({ uid: string } & RowBefore)[];
  maxPromotions?: number;
  timing?: { status: "scheduled" | "cancelled"; startsAtMs: number };
}) {
  return applyToLine({
    counts: input.counts,
    timing: input.timing ?? open,
    requests: input.requests,
    rows: new Map(Object.entries(input.rows ?? {})),
    head: input.head ?? [],
    maxPromotions: input.maxPromotions ?? 100,
  });
}

const statusOf = (a: LineAnswer) =>
  a.kind === "joined" ? (a.status === "waitlisted" ? `waitlisted ${a.position}` : a.status) : a.kind;

describe("a burst of joins in one batch", () => {
  it("seats the first arrivals and numbers everyone after them from 1, with tickets in arrival order", () => {
    const uids = Array.from({ length: 1000 }, (_, i) => `m${i}`);
    const result = apply({ counts: counts({ capacity: 20 }), requests: uids.map(join) });
    expect(result.answers.slice(0, 20).every((a) => statusOf(a) === "confirmed")).toBe(true);
    expect(result.answers.slice(20).map(statusOf)).toEqual(
      Array.from({ length: 980 }, (_, i) => `waitlisted ${i + 1}`),
    );
    expect(result.counts).toEqual({ capacity: 20, confirmed: 20, waitlisted: 980, ticketsIssued: 1000 });
    expect(result.rows.map((r) => (r.change === "join" ? r.ticket : 0))).toEqual(uids.map((_, i) => i + 1));
    expect(result.needsLongerHead).toBe(false);
  });

  it("puts newcomers behind everyone already waiting, whether or not they were read", () => {
    // 5 already waiting, none read: the newcomer is 6th.
    const result = apply({
      counts: counts({ confirmed: 2, waitlisted: 5, ticketsIssued: 7 }),
      requests: [join("new")],
    });
    expect(result.answers.map(statusOf)).toEqual(["waitlisted 6"]);
    expect(result.rows).toEqual([{ uid: "new", change: "join", status: "waitlisted", ticket: 8, existed: false }]);
  });

  it("keeps an RSVP that is already in line, and lets a member who left join again at the back", () => {
    const result = apply({
      counts: counts({ capacity: 1, confirmed: 1, waitlisted: 1, ticketsIssued: 3 }),
      requests: [join("seated"), join("left")],
      rows: { seated: { status: "confirmed", ticket: 1 }, left: { status: "cancelled", ticket: 2 } },
    });
    expect(result.answers).toEqual([
      { kind: "kept", status: "confirmed", ticket: 1 },
      { kind: "joined", status: "waitlisted", position: 2 },
    ]);
    expect(result.rows).toEqual([{ uid: "left", change: "join", status: "waitlisted", ticket: 4, existed: true }]);
  });

  it("refuses a member whose attendance is recorded and a class that started, and changes nothing for them", () => {
    const started = apply({
      counts: counts(),
      requests: [join("a")],
      timing: { status: "scheduled", startsAtMs: now },
    });
    expect(started.answers[0]).toMatchObject({
      kind: "refused",
      error: { message: "This class has already started." },
    });
    const attended = apply({ counts: counts(), requests: [join("a")], rows: { a: { status: "attended", ticket: 1 } } });
    expect(attended.answers[0]).toMatchObject({ kind: "refused", error: { code: "failed-precondition" } });
    expect([...started.rows, ...attended.rows]).toEqual([]);
    expect(started.counts).toEqual(counts());
  });
});

describe("leaving", () => {
  const full = counts({ capacity: 2, confirmed: 2, waitlisted: 3, ticketsIssued: 5 });
  const rows = { a: { status: "confirmed", ticket: 1 }, b: { status: "confirmed", ticket: 2 } } as const;
  const head = [
    { uid: "c", status: "waitlisted" as const, ticket: 3 },
    { uid: "d", status: "waitlisted" as const, ticket: 4 },
    { uid: "e", status: "waitlisted" as const, ticket: 5 },
  ];

  it("seats the head of the waitlist, in order, for each seat freed", () => {
    const result = apply({ counts: full, requests: [leave("b"), leave("a")], rows, head });
    expect(result.answers).toEqual([
      { kind: "left", left: true },
      { kind: "left", left: true },
    ]);
    expect(result.rows).toEqual([
      { uid: "b", change: "leave" },
      { uid: "c", change: "promote" },
      { uid: "a", change: "leave" },
      { uid: "d", change: "promote" },
    ]);
    expect(result.counts).toMatchObject({ confirmed: 2, waitlisted: 1 });
  });

  it("promotes nobody when a waiting member leaves, and a second leave changes nothing", () => {
    const result = apply({
      counts: full,
      requests: [leave("d"), leave("d")],
      rows: { d: { status: "waitlisted", ticket: 4 } },
      head: [],
    });
    expect(result.answers).toEqual([
      { kind: "left", left: true },
      { kind: "left", left: false },
    ]);
    expect(result.rows).toEqual([{ uid: "d", change: "leave" }]);
    expect(result.counts).toMatchObject({ confirmed: 2, waitlisted: 2 });
  });

  it("asks for a longer head when the one read runs out before the seats do", () => {
    const result = apply({ counts: full, requests: [leave("a")], rows, head: [] });
    expect(result.needsLongerHead).toBe(true);
  });

  it("reads enough of the head for every freed seat and every member leaving it", () => {
    expect(headNeededFor(full, [leave("a"), join("x")])).toBe(2);
    expect(headNeededFor(counts({ capacity: 5, confirmed: 2, waitlisted: 10 }), [join("x")])).toBe(3);
    expect(headNeededFor(counts({ capacity: 5, confirmed: 5, waitlisted: 1 }), [leave("a"), leave("b")])).toBe(1);
  });

  it("seats a newcomer in the same batch when a seat frees and nobody else waits", () => {
    const result = apply({
      counts: counts({ capacity: 1, confirmed: 1, ticketsIssued: 1 }),
      requests: [join("new"), leave("a")],
      rows: { a: { status: "confirmed", ticket: 1 } },
    });
    expect(result.answers.map(statusOf)).toEqual(["confirmed", "left"]);
    expect(result.rows).toContainEqual({ uid: "new", change: "join", status: "confirmed", ticket: 2, existed: false });
    expect(result.counts).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });
});

describe("capacity changes", () => {
  const waiting = Array.from({ length: 5 }, (_, i) => ({
    uid: `w${i}`,
    status: "waitlisted" as const,
    ticket: 10 + i,
  }));

  it("fills raised capacity from the head, within the write budget, and says when more is due", () => {
    const result = apply({
      counts: counts({ capacity: 5, confirmed: 1, waitlisted: 5, ticketsIssued: 15 }),
      requests: [{ kind: "fill", nowMs: now }],
      head: waiting,
      maxPromotions: 3,
    });
    expect(result.answers).toEqual([{ kind: "filled", promoted: 3 }]);
    expect(result.rows.map((r) => r.uid)).toEqual(["w0", "w1", "w2"]);
    expect(result.moreToFill).toBe(true);
  });

  it("demotes nobody and seats nobody while capacity is below the confirmed count", () => {
    const result = apply({
      counts: counts({ capacity: 1, confirmed: 3, waitlisted: 5, ticketsIssued: 15 }),
      requests: [leave("a"), { kind: "fill", nowMs: now }],
      rows: { a: { status: "confirmed", ticket: 1 } },
      head: waiting.slice(0, 2),
    });
    expect(result.rows).toEqual([{ uid: "a", change: "leave" }]);
    expect(result.counts).toMatchObject({ confirmed: 2, waitlisted: 5 });
  });

  it("seats nobody in a cancelled class", () => {
    const result = apply({
      counts: counts({ capacity: 5, confirmed: 1, waitlisted: 5 }),
      requests: [{ kind: "fill", nowMs: now }],
      head: waiting,
      timing: { status: "cancelled", startsAtMs: open.startsAtMs },
    });
    expect(result.rows).toEqual([]);
  });
});

describe("erasing an account's RSVP", () => {
  it("gives the seat to the next in line and deletes the row", () => {
    const result = apply({
      counts: counts({ capacity: 1, confirmed: 1, waitlisted: 1, ticketsIssued: 2 }),
      requests: [{ kind: "erase", uid: "gone", nowMs: now }],
      rows: { gone: { status: "confirmed", ticket: 1 } },
      head: [{ uid: "next", status: "waitlisted", ticket: 2 }],
    });
    expect(result.rows).toEqual([
      { uid: "gone", change: "erase" },
      { uid: "next", change: "promote" },
    ]);
    expect(result.counts).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });

  it("keeps a past class's counts as history and still deletes the row", () => {
    const result = apply({
      counts: counts({ capacity: 1, confirmed: 1 }),
      requests: [{ kind: "erase", uid: "gone", nowMs: now }],
      rows: { gone: { status: "attended", ticket: 1 } },
      timing: { status: "scheduled", startsAtMs: now - 1 },
    });
    expect(result.rows).toEqual([{ uid: "gone", change: "erase" }]);
    expect(result.counts).toMatchObject({ confirmed: 1 });
  });
});
