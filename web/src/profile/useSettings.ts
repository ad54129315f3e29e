import { useEffect, useState } from "react";
import type { PrivateSettings } from "@numina/model";
import { errorMessage } from "../shared/errors";
import { watchSettings } from "./profileStore";

export type SettingsState =
  { status: "loading" } | { status: "ready"; settings: PrivateSettings | null } | { status: "error"; message: string };

/** The member's own private settings, kept live. */
export function useSettings(uid: string): SettingsState {
  const [entry, setEntry] = useState<{ uid: string; state: SettingsState } | null>(null);
  useEffect(
    () =>
      watchSettings(uid, {
        next: (settings) => setEntry({ uid, state: { status: "ready", settings } }),
        error: (error) => setEntry({ uid, state: { status: "error", message: errorMessage(error) } }),
      }),
    [uid],
  );
  return entry?.uid === uid ? entry.state : { status: "loading" };
}
