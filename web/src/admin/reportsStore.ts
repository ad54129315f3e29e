/** The admin review queue: open reports, oldest first. Admins act on them through moderationService. */
import { collection, orderBy, query, where, type Unsubscribe } from "firebase/firestore";
import { collections, reportSchema, type Report } from "@numina/model";
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
