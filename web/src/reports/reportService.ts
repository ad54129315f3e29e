/**
 * Reports from the member's side: filing goes through the callables (which choose the id and
 * count the daily limit); the member watches the reports they filed to see each one's status.
 */
import { collection, orderBy, query, where, type Unsubscribe } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  collections,
  reportSchema,
  type Report,
  type ReportMemberRequest,
  type ReportMessageRequest,
  type ReportResponse,
  type ReportStatus,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, watchQuery, type Item, type Watcher } from "../shared/watch";

const reportMemberCallable = httpsCallable<ReportMemberRequest, ReportResponse>(functions, "reportMember");
const reportMessageCallable = httpsCallable<ReportMessageRequest, ReportResponse>(functions, "reportMessage");

export async function reportMember(request: ReportMemberRequest): Promise<ReportResponse> {
  return (await reportMemberCallable(request)).data;
}

export async function reportMessage(request: ReportMessageRequest): Promise<ReportResponse> {
  return (await reportMessageCallable(request)).data;
}

export type MyReportItem = Item<Report>;

export function watchMyReports(uid: string, watcher: Watcher<MyReportItem[]>): Unsubscribe {
  const mine = query(
    collection(db, collections.reports),
    where("reporterId", "==", uid),
    orderBy("createdAt", "desc"),
  ).withConverter(converterFor(reportSchema));
  return watchQuery(mine, allItems, watcher);
}

/** What the reporter is told about their report. Moderators' notes stay with moderators. */
export const REPORT_STATUS_TEXT: Record<ReportStatus, string> = {
  open: "Received — waiting for review",
  actioned: "Reviewed — we took action",
  dismissed: "Reviewed — no action needed",
};

/** The confirmation after filing. */
export const receivedText = (response: ReportResponse): string =>
  response.alreadyReported
    ? "You already reported this. Our team will review it; you can follow it under Your reports."
    : "Report received. Our team will review it; you can follow it under Your reports.";
