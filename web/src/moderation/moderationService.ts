/**
 * Moderation from the web client: a member's own standing (live), and the admin actions, which
 * are callables so each one lands with its audit entry.
 */
import { doc, type Unsubscribe } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  moderationSchema,
  paths,
  type DismissReportRequest,
  type ModerateMemberRequest,
  type ModerateMemberResponse,
  type Moderation,
  type TakeDownMessageRequest,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { dataOrNull, watchDoc, type Watcher } from "../shared/watch";

export function watchMyStanding(uid: string, watcher: Watcher<Moderation | null>): Unsubscribe {
  return watchDoc(doc(db, paths.moderation(uid)).withConverter(converterFor(moderationSchema)), dataOrNull, watcher);
}

const moderateCallable = httpsCallable<ModerateMemberRequest, ModerateMemberResponse>(functions, "moderateMember");
const takeDownCallable = httpsCallable<TakeDownMessageRequest, { removed: boolean }>(functions, "takeDownMessage");
const dismissCallable = httpsCallable<DismissReportRequest, { dismissed: boolean }>(functions, "dismissReport");

export async function moderateMember(request: ModerateMemberRequest): Promise<ModerateMemberResponse> {
  return (await moderateCallable(request)).data;
}

export async function takeDownMessage(request: TakeDownMessageRequest): Promise<void> {
  await takeDownCallable(request);
}

export async function dismissReport(request: DismissReportRequest): Promise<void> {
  await dismissCallable(request);
}
