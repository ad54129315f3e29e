/**
 * A member's rights over their data, for the "Your data" page: ask for an export and download it,
 * ask for the account's deletion and take it back. Functions write every document here; the
 * member reads their own (see the Privacy block of firestore.rules).
 */
import {
  EmailAuthProvider,
  GoogleAuthProvider,
  reauthenticateWithCredential,
  reauthenticateWithPopup,
  type User,
} from "firebase/auth";
import { collection, doc, getDoc, limit, orderBy, query, where } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  accountDeletionSchema,
  collections,
  dataExportPartSchema,
  dataExportSchema,
  exportPartId,
  paths,
  type AccountDeletion,
  type AdminDeleteAccountResponse,
  type CancelAccountDeletionResponse,
  type DataExport,
  type RequestAccountDeletionResponse,
  type RequestDataExportResponse,
} from "@numina/model";
import { auth, db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, dataOrNull, watchDoc, watchQuery, type Item, type Unsubscribe, type Watcher } from "../shared/watch";

const exportConverter = converterFor(dataExportSchema);
const partConverter = converterFor(dataExportPartSchema);
const deletionConverter = converterFor(accountDeletionSchema);

const requestDataExportCallable = httpsCallable<Record<string, never>, RequestDataExportResponse>(
  functions,
  "requestDataExport",
);
const requestAccountDeletionCallable = httpsCallable<Record<string, never>, RequestAccountDeletionResponse>(
  functions,
  "requestAccountDeletion",
);
const cancelAccountDeletionCallable = httpsCallable<Record<string, never>, CancelAccountDeletionResponse>(
  functions,
  "cancelAccountDeletion",
);
const adminDeleteAccountCallable = httpsCallable<{ uid: string; reason: string }, AdminDeleteAccountResponse>(
  functions,
  "adminDeleteAccount",
);

// ---- Data export

/** How many of the member's exports the page lists: a few days' worth at the daily limit. */
const EXPORTS_SHOWN = 5;

export type ExportItem = Item<DataExport>;

/** The member's latest exports, newest first, live: "building" turns to "ready" by itself. */
export function watchMyExports(uid: string, watcher: Watcher<ExportItem[]>): Unsubscribe {
  const mine = query(
    collection(db, collections.dataExports),
    where("uid", "==", uid),
    orderBy("requestedAt", "desc"),
    limit(EXPORTS_SHOWN),
  ).withConverter(exportConverter);
  return watchQuery(mine, allItems, watcher);
}

export async function requestDataExport(): Promise<string> {
  return (await requestDataExportCallable({})).data.exportId;
}

/**
 * The archive's JSON text, put back together from its parts. Parts are fetched by id (the rules
 * let the member get each one, never list them), a few at a time.
 */
export async function downloadExportText(exportId: string, partCount: number): Promise<string> {
  const texts: string[] = [];
  const AT_ONCE = 4;
  for (let start = 0; start < partCount; start += AT_ONCE) {
    const indexes = Array.from({ length: Math.min(AT_ONCE, partCount - start) }, (_, i) => start + i);
    const parts = await Promise.all(
      indexes.map((index) =>
        getDoc(doc(db, paths.dataExportPart(exportId, exportPartId(index))).withConverter(partConverter)),
      ),
    );
    for (const part of parts) {
      const data = part.data();
      if (!data) throw new Error("Part of this download has expired. Ask for a new one.");
      texts.push(data.text);
    }
  }
  return texts.join("");
}

/** The file name a download is saved under: the day it was asked for. */
export const exportFileName = (requestedAtMs: number): string =>
  `numina-export-${new Date(requestedAtMs).toISOString().slice(0, 10)}.json`;

/** Hands the archive to the browser as a file download. */
export function saveAsFile(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---- Account deletion

/** The member's scheduled or running deletion, live; null when there is none. */
export function watchMyDeletion(uid: string, watcher: Watcher<AccountDeletion | null>): Unsubscribe {
  return watchDoc(doc(db, paths.accountDeletion(uid)).withConverter(deletionConverter), dataOrNull, watcher);
}

export type Reauthentication = { kind: "password"; password: string } | { kind: "google" };

/** How this account signs in, for the deletion form: a password to type, or Google's window. */
export function reauthenticationKind(user: User): Reauthentication["kind"] {
  return user.providerData.some((p) => p.providerId === "password") ? "password" : "google";
}

/**
 * Deletion asks for a sign-in of the last few minutes (DELETION_REAUTH_MINUTES): someone holding
 * an unlocked phone cannot delete its owner's account. Signing in again issues a token with a new
 * auth_time, which the callable then checks.
 */
export async function requestAccountDeletion(reauth: Reauthentication): Promise<number> {
  const user = auth.currentUser;
  if (!user) throw new Error("Sign in again to delete your account.");
  if (reauth.kind === "password") {
    if (!user.email) throw new Error("This account has no email address to confirm with.");
    await reauthenticateWithCredential(user, EmailAuthProvider.credential(user.email, reauth.password));
  } else {
    await reauthenticateWithPopup(user, new GoogleAuthProvider());
  }
  await user.getIdToken(true);
  return (await requestAccountDeletionCallable({})).data.deleteAfterMs;
}

export async function cancelAccountDeletion(): Promise<boolean> {
  return (await cancelAccountDeletionCallable({})).data.cancelled;
}

/** An admin deletes someone's account at once, with the reason the audit log keeps. */
export async function adminDeleteAccount(uid: string, reason: string): Promise<void> {
  await adminDeleteAccountCallable({ uid, reason });
}
