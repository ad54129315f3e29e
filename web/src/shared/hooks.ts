/** Hooks every feature uses: live data from a store's watcher, and clocks for the page. */
import { useEffect, useState } from "react";
import { errorMessage } from "./errors";
import type { Watcher } from "./watch";

export type Live<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; message: string };

// One object, so a component that memoises on the state does not see a new one every render.
const LOADING: Live<never> = { status: "loading" };

/**
 * Subscribes while mounted; a new `key` resubscribes. The state is keyed so that, for a moment
 * after the key changes, the previous answer is never shown as the new one. `subscribe` is a
 * store's watch function (shared/watch.ts) and returns how to stop.
 */
export function useLive<T>(key: string, subscribe: (watcher: Watcher<T>) => () => void): Live<T> {
  const [entry, setEntry] = useState<{ key: string; state: Live<T> } | null>(null);
  useEffect(
    () =>
      subscribe({
        next: (value) => setEntry({ key, state: { status: "ready", value } }),
        error: (error) => setEntry({ key, state: { status: "error", message: errorMessage(error) } }),
      }),
    // `subscribe` is rebuilt on every render; `key` says everything it depends on.
    [key],
  );
  return entry?.key === key ? entry.state : LOADING;
}

/** "Now" to the minute, fixed while the page is open: a new value would resubscribe a query built on it. */
export function useNowMinute(): number {
  const [now] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  return now;
}

/** Re-renders every second while `active`, for what expires without any new snapshot (a typing line). */
export function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** A button's errand: idle, under way (the button waits), or failed with a message to show. */
export type ActionState = { kind: "idle" } | { kind: "busy" } | { kind: "error"; message: string };

/**
 * Runs one errand at a time for a button and tracks how it went. `fail` shows a message without
 * running anything (a check before the call).
 */
export function useAction(): {
  state: ActionState;
  run: (work: () => Promise<unknown>) => void;
  fail: (message: string) => void;
  reset: () => void;
} {
  const [state, setState] = useState<ActionState>({ kind: "idle" });
  return {
    state,
    run: (work) => {
      setState({ kind: "busy" });
      work()
        .then(() => setState({ kind: "idle" }))
        .catch((error: unknown) => setState({ kind: "error", message: errorMessage(error) }));
    },
    fail: (message) => setState({ kind: "error", message }),
    reset: () => setState({ kind: "idle" }),
  };
}
