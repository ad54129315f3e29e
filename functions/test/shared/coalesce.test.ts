import { describe, expect, it } from "vitest";
import { Coalescer } from "../../src/shared/coalesce.js";

/** A unit of work the test finishes by hand, recording when it started. */
function controllableWork(log: string[]) {
  const pending: (() => void)[] = [];
  return {
    work: (label: string) => () => {
      log.push(`start ${label}`);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    finishNext: async () => {
      pending.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe("Coalescer", () => {
  it("runs a lone request at once", async () => {
    const log: string[] = [];
    await new Coalescer<string>().run("a", () => Promise.resolve(void log.push("ran")));
    expect(log).toEqual(["ran"]);
  });

  it("folds every request made during a run into one follow-up run", async () => {
    const log: string[] = [];
    const { work, finishNext } = controllableWork(log);
    const coalescer = new Coalescer<string>();
    const first = coalescer.run("a", work("1"));
    const burst = Array.from({ length: 50 }, (_, i) => coalescer.run("a", work(`burst ${i}`)));
    expect(log).toEqual(["start 1"]);

    await finishNext();
    expect(log).toEqual(["start 1", "start burst 0"]); // one follow-up, started after the first ended
    await finishNext();
    await Promise.all([first, ...burst]);
    expect(log).toHaveLength(2);
  });

  it("keeps keys apart", async () => {
    const log: string[] = [];
    const { work, finishNext } = controllableWork(log);
    const coalescer = new Coalescer<string>();
    const runs = [coalescer.run("a", work("a")), coalescer.run("b", work("b"))];
    expect(log).toEqual(["start a", "start b"]);
    await finishNext();
    await finishNext();
    await Promise.all(runs);
  });

  it("still runs the follow-up when the current run fails", async () => {
    const log: string[] = [];
    const coalescer = new Coalescer<string>();
    const failing = coalescer.run("a", () => Promise.reject(new Error("boom")));
    const followUp = coalescer.run("a", () => Promise.resolve(void log.push("follow-up")));
    await expect(failing).rejects.toThrow("boom");
    await followUp;
    expect(log).toEqual(["follow-up"]);
  });
});
