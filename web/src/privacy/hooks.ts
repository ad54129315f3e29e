import type { AccountDeletion } from "@numina/model";
import { useLive, type Live } from "../shared/hooks";
import { watchMyDeletion, watchMyExports, type ExportItem } from "./privacyStore";

export const useMyExports = (uid: string): Live<ExportItem[]> =>
  useLive(`exports-${uid}`, (watcher) => watchMyExports(uid, watcher));

export const useMyDeletion = (uid: string): Live<AccountDeletion | null> =>
  useLive(`deletion-${uid}`, (watcher) => watchMyDeletion(uid, watcher));
