import type { PrivateSettings } from "@numina/model";
import { useLive } from "../shared/hooks";
import { watchSettings } from "./profileStore";

/** The member's own private settings, kept live; null until they exist. */
export const useSettings = (uid: string) =>
  useLive<PrivateSettings | null>(`settings:${uid}`, (w) => watchSettings(uid, w));
