/** The audit log for admins: the latest privileged actions, newest first. */
import { collection, limit, orderBy, query, type Unsubscribe } from "firebase/firestore";
import { auditLogSchema, collections, type AuditLog } from "@numina/model";
import { db } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, watchQuery, type Item, type Watcher } from "../shared/watch";

export type AuditItem = Item<AuditLog>;

export const AUDIT_PAGE_SIZE = 100;

export function watchAuditLog(watcher: Watcher<AuditItem[]>): Unsubscribe {
  const latest = query(
    collection(db, collections.auditLogs),
    orderBy("at", "desc"),
    limit(AUDIT_PAGE_SIZE),
  ).withConverter(converterFor(auditLogSchema));
  return watchQuery(latest, allItems, watcher);
}
