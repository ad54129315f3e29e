/** The admin review queue: open reports, oldest first, closed under the rules by an admin. */
import {
  collection,
  doc,
  onSnapshot,
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
import type { Watcher } from "../classes/classesStore";

const reportConverter = converterFor(reportSchema);

export interface ReportItem {
  id: string;
  data: Report;
}

export function watchOpenReports(watcher: Watcher<ReportItem[]>): Unsubscribe {
  const open = query(
    collection(db, collections.reports),
    where("status", "==", "open"),
    orderBy("createdAt"),
  ).withConverter(reportConverter);
  return onSnapshot(
    open,
    (snap) => {
      try {
        watcher.next(snap.docs.map((d) => ({ id: d.id, data: d.data() })));
      } catch (error) {
        watcher.error(error);
      }
    },
    (error) => watcher.error(error),
  );
}

export async function closeReport(id: string, adminUid: string, status: "actioned" | "dismissed"): Promise<void> {
  await updateDoc(doc(db, paths.report(id)), { status, reviewedBy: adminUid, reviewedAt: serverTimestamp() });
}
