/**
 * Typed data access on the Admin side: every document the model describes is read through its
 * zod schema (a converter) and written as the schema's type. `refs.ts` builds one typed reference
 * per noun from these; stores use those instead of `db.doc(path)` and `.get("field") as T`.
 */
import type {
  CollectionReference,
  DocumentData,
  DocumentReference,
  DocumentSnapshot,
  Firestore,
  FirestoreDataConverter,
  Query,
  QueryDocumentSnapshot,
  Transaction,
  WriteBatch,
} from "firebase-admin/firestore";
import type { z } from "zod";
import { InvalidDocumentError, parseDocument } from "../model/index.js";

/** A schema whose stored form is a Firestore document. */
export type DocumentSchema = z.ZodType<DocumentData, DocumentData>;

const converters = new WeakMap<DocumentSchema, FirestoreDataConverter<DocumentData, DocumentData>>();

/**
 * Reads parse through the schema (an InvalidDocumentError names the path and every bad field);
 * writes pass through unchanged, their type already checked against the schema by the compiler.
 */
export function converterFor<S extends DocumentSchema>(schema: S): FirestoreDataConverter<z.output<S>, z.input<S>> {
  let converter = converters.get(schema);
  if (!converter) {
    converter = {
      toFirestore: (data: DocumentData) => data,
      fromFirestore: (snapshot: QueryDocumentSnapshot) => parseDocument(schema, snapshot.ref.path, snapshot.data()),
    };
    converters.set(schema, converter);
  }
  return converter as FirestoreDataConverter<z.output<S>, z.input<S>>;
}

export type TypedDoc<S extends DocumentSchema> = DocumentReference<z.output<S>, z.input<S>>;
export type TypedCollection<S extends DocumentSchema> = CollectionReference<z.output<S>, z.input<S>>;
export type TypedQuery<S extends DocumentSchema> = Query<z.output<S>, z.input<S>>;

export const typedDoc = <S extends DocumentSchema>(db: Firestore, path: string, schema: S): TypedDoc<S> =>
  db.doc(path).withConverter(converterFor(schema));

export const typedCollection = <S extends DocumentSchema>(db: Firestore, path: string, schema: S): TypedCollection<S> =>
  db.collection(path).withConverter(converterFor(schema));

export const typedGroup = <S extends DocumentSchema>(db: Firestore, groupId: string, schema: S): TypedQuery<S> =>
  db.collectionGroup(groupId).withConverter(converterFor(schema));

/**
 * The document a trigger was handed, parsed through its schema: `null` when the event carries no
 * document (deleted, or a create's "before"). Throws InvalidDocumentError when it does not match.
 */
export function parseSnapshot<S extends DocumentSchema>(
  schema: S,
  snapshot: DocumentSnapshot | undefined,
): z.output<S> | null {
  if (!snapshot?.exists) return null;
  return parseDocument(schema, snapshot.ref.path, snapshot.data());
}

/**
 * The data of a typed snapshot, or undefined when the document is missing or does not match its
 * schema. For documents members write (settings, wishes, devices, their state in a chat): one bad
 * document counts as absent, so it cannot hold up the work for everyone else.
 */
export function dataOrAbsent<T>(snapshot: { data(): T | undefined } | undefined): T | undefined {
  try {
    return snapshot?.data();
  } catch (error) {
    if (error instanceof InvalidDocumentError) return undefined;
    throw error;
  }
}

type AnyReference = DocumentReference<unknown, DocumentData>;
type SnapshotsOf<R extends readonly AnyReference[]> = {
  [K in keyof R]: R[K] extends DocumentReference<infer A, infer D> ? DocumentSnapshot<A, D> : never;
};

/*
 * Firestore's `getAll` returns each snapshot in the order asked and read through its reference's
 * converter, but types them all as untyped documents (the Transaction's wants one type for all).
 * These two give each snapshot its reference's type back, the one cast kept here.
 */

/** Documents of any nouns in one round trip (inside a transaction, through `tx`), in their order. */
export async function readTogether<const R extends readonly AnyReference[]>(
  reader: Firestore | Transaction,
  ...references: R
): Promise<SnapshotsOf<R>> {
  const snaps: DocumentSnapshot<unknown, DocumentData>[] = await reader.getAll(...references);
  return snaps as SnapshotsOf<R>;
}

/** Any number of documents of one noun (`getAll` refuses none), in their order. */
export async function readAll<A, D extends DocumentData>(
  db: Firestore,
  references: readonly DocumentReference<A, D>[],
): Promise<DocumentSnapshot<A, D>[]> {
  if (references.length === 0) return [];
  const snaps = await db.getAll(...(references as readonly AnyReference[] as DocumentReference[]));
  return snaps as DocumentSnapshot<A, D>[];
}

/** Firestore's limit of writes in one commit. */
export const MAX_BATCH_WRITES = 500;

/**
 * One write per item, committed in as few batches as the limit allows, one after another. Not
 * atomic across batches: for writes that are each idempotent (copies, deletions, delivery marks).
 */
export async function commitInBatches<T>(
  db: Firestore,
  items: readonly T[],
  write: (batch: WriteBatch, item: T) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += MAX_BATCH_WRITES) {
    const batch = db.batch();
    for (const item of items.slice(i, i + MAX_BATCH_WRITES)) write(batch, item);
    await batch.commit();
  }
}
