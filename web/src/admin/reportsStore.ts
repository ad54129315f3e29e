/** The admin review queue: open reports, oldest first, closed under the rules by an admin. */
import {
  collection,
  doc,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
  type Unsubscribe,
} from "firebase/firestore";
import { collections, paths, reportSchema, type Report } from "@numina/model";
import { db } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, watchQuery, type Item, type Watcher } from "../shared/watch";

const reportConverter = converterFor(reportSchema);

export type ReportItem = Item<Report>;

export function watchOpenReports(watcher: Watcher<ReportItem[]>): Unsubscribe {
  const open = query(
    collection(db, collections.reports),
    where("status", "==", "open"),
    orderBy("createdAt"),
  ).withConverter(reportConverter);
  return watchQuery(open, allItems, watcher);
}

export async function closeReport(id: string, adminUid: string, status: "actioned" | "dismissed"): Promise<void> {
  await updateDoc(doc(db, paths.report(id)), { status, reviewedBy: adminUid, reviewedAt: serverTimestamp() });
}
