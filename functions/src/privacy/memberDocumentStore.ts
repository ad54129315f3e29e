/**
 * Runs the finders of memberDocuments.ts against Firestore, a page at a time, so a member with
 * years of history is never loaded at once: the export streams each page into its archive, and
 * deletion treats each page before reading the next.
 */
import {
  FieldPath,
  type DocumentData,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
} from "firebase-admin/firestore";
import { EXPORT_LIMITS } from "../model/index.js";
import type { MemberDocumentFinder, MemberDocumentSource } from "./memberDocuments.js";

/** A page of one source's documents. */
export type DocumentPage = readonly QueryDocumentSnapshot<DocumentData>[];

function queryOf(db: Firestore, uid: string, find: Exclude<MemberDocumentFinder, { kind: "docs" }>): Query {
  switch (find.kind) {
    case "collection":
      return db.collection(find.path(uid)).orderBy(FieldPath.documentId());
    case "query":
      return db.collection(find.collection).where(find.field, find.op, uid).orderBy(FieldPath.documentId());
    case "group":
      return db.collectionGroup(find.group).where(find.field, find.op, uid).orderBy(FieldPath.documentId());
  }
}

const depthOf = (path: string) => path.split("/").length;

/**
 * Yields the documents of `source` for `uid`, page by page. A caller may delete or rewrite a page
 * before asking for the next: the cursor is the last document's id, which stays valid either way.
 */
export async function* pagesOf(
  db: Firestore,
  uid: string,
  source: MemberDocumentSource,
  pageSize: number = EXPORT_LIMITS.pageSize,
): AsyncGenerator<DocumentPage> {
  const { find } = source;
  if (find.kind === "docs") {
    const refs = find.paths(uid).map((path) => db.doc(path));
    for (let i = 0; i < refs.length; i += pageSize) {
      const snaps = await db.getAll(...refs.slice(i, i + pageSize));
      const found = snaps.filter((snap): snap is QueryDocumentSnapshot => snap.exists);
      if (found.length > 0) yield found;
    }
    return;
  }
  const query = queryOf(db, uid, find);
  const depth = find.kind === "group" ? find.depth : undefined;
  let cursor: QueryDocumentSnapshot | undefined;
  for (;;) {
    const page = await (cursor ? query.startAfter(cursor) : query).limit(pageSize).get();
    const docs = depth === undefined ? page.docs : page.docs.filter((doc) => depthOf(doc.ref.path) === depth);
    if (docs.length > 0) yield docs;
    if (page.size < pageSize) return;
    cursor = page.docs.at(-1);
  }
}
