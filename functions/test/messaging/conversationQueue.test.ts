import { describe, expect, it } from "vitest";
import { ConversationQueue } from "../../src/messaging/conversationQueue.js";

describe("ConversationQueue", () => {
  it("applies what arrives during a run together in the next run, and answers each caller its own outcome", async () => {
    const runs: string[][] = [];
    let release: () => void = () => undefined;
    const firstRunHeld = new Promise<void>((resolve) => (release = resolve));
    const queue = new ConversationQueue<string, string, string>(async (_key, items) => {
      runs.push([...items]);
      if (runs.length === 1) await firstRunHeld;
      return items.map((item) => `done ${item}`);
    });

    const first = queue.add("c1", "a");
    const later = ["b", "c", "d"].map((item) => queue.add("c1", item));
    const elsewhere = queue.add("c2", "x");
    release();

    expect(await Promise.all([first, ...later, elsewhere])).toEqual(["done a", "done b", "done c", "done d", "done x"]);
    expect(runs).toEqual([["a"], ["x"], ["b", "c", "d"]]);
  });

  it("lets a run take in what arrived since it began, and answers those callers from it", async () => {
    const runs: string[][] = [];
    let release: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => (release = resolve));
    const queue = new ConversationQueue<string, string, string>(async (_key, items, join) => {
      await reading;
      const all = [...items, ...join()];
      runs.push(all);
      return all.map((item) => `done ${item}`);
    });

    const first = queue.add("c1", "a");
    const later = ["b", "c"].map((item) => queue.add("c1", item));
    release();
    expect(await Promise.all([first, ...later])).toEqual(["done a", "done b", "done c"]);
    // One run: b and c arrived while a's run was reading, and joined it.
    expect(runs).toEqual([["a", "b", "c"]]);
    expect(await queue.add("c1", "d")).toBe("done d");
  });

  it("fails the callers who joined a failed run too", async () => {
    let release: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => (release = resolve));
    const queue = new ConversationQueue<string, string, string>(async (_key, _items, join) => {
      await reading;
      join();
      throw new Error("commit refused");
    });
    const first = queue.add("c1", "a");
    const joined = queue.add("c1", "b");
    release();
    await expect(first).rejects.toThrow("commit refused");
    await expect(joined).rejects.toThrow("commit refused");
  });

  it("fails every caller of a failed run, and keeps serving the next ones", async () => {
    let fail = true;
    const queue = new ConversationQueue<string, string, string>(async (_key, items) => {
      await Promise.resolve();
      if (fail) {
        fail = false;
        throw new Error("commit refused");
      }
      return items.map(() => "ok");
    });

    await expect(queue.add("c1", "a")).rejects.toThrow("commit refused");
    expect(await queue.add("c1", "b")).toBe("ok");
  });

  it("applies apart the items that may not share a run", async () => {
    const runs: string[][] = [];
    const queue = new ConversationQueue<string, string, string>(
      async (_key, items) => {
        runs.push([...items]);
        await Promise.resolve();
        return items.map(() => "ok");
      },
      (a, b) => a[0] === b[0],
    );
    await Promise.all(["a1", "b1", "a2", "b2"].map((item) => queue.add("c1", item)));
    expect(runs).toEqual([["a1"], ["b1", "b2"], ["a2"]]);
  });

  it("says a key is idle once its last run ended and nothing waits, and not before", async () => {
    const idle: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const queue = new ConversationQueue<string, string, string>(
      async (_key, items) => {
        if (items.includes("a")) await held;
        return items.map(() => "ok");
      },
      undefined,
      (key) => idle.push(key),
    );
    const first = queue.add("c1", "a");
    const second = queue.add("c1", "b");
    await Promise.resolve();
    expect(idle).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(idle).toEqual(["c1"]);
  });
});
