/**
 * The one place the client listens to Firestore. Stores describe what to watch (a query or a
 * document, with its converter) and how to read a snapshot; pages get the result through
 * `useLive` (shared/hooks.ts), which holds it as loading / ready / error.
 */
import {
  onSnapshot,
  type DocumentReference,
  type DocumentSnapshot,
  type Query,
  type QuerySnapshot,
  type Unsubscribe,
} from "firebase/firestore";

export type { Unsubscribe };

/** Receives every new value of something watched, or the error that ended the watch. */
export interface Watcher<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/** A document with its id, as lists and pages use it. */
export interface Item<T> {
  id: string;
  data: T;
}

/**
 * Reading a snapshot parses its documents (shared/converters.ts): a document that fails its schema
 * throws there, and reaches the page as an error instead of breaking the listener.
 */
function deliver<S, R>(watcher: Watcher<R>, read: (snapshot: S) => R): (snapshot: S) => void {
  return (snapshot) => {
    let value: R;
    try {
      value = read(snapshot);
    } catch (error) {
      watcher.error(error);
      return;
    }
    watcher.next(value);
  };
}

export function watchDoc<T, R>(
  ref: DocumentReference<T>,
  read: (snapshot: DocumentSnapshot<T>) => R,
  watcher: Watcher<R>,
): Unsubscribe {
  return onSnapshot(ref, deliver(watcher, read), (error) => watcher.error(error));
}

export function watchQuery<T, R>(
  query: Query<T>,
  read: (snapshot: QuerySnapshot<T>) => R,
  watcher: Watcher<R>,
): Unsubscribe {
  return onSnapshot(query, deliver(watcher, read), (error) => watcher.error(error));
}

// ---- Readers for the common shapes.

/** The document's data; null while it does not exist. */
export const dataOrNull = <T>(snapshot: DocumentSnapshot<T>): T | null => (snapshot.exists() ? snapshot.data() : null);

/** The document with its id; null while it does not exist. */
export const itemOrNull = <T>(snapshot: DocumentSnapshot<T>): Item<T> | null =>
  snapshot.exists() ? { id: snapshot.id, data: snapshot.data() } : null;

/** Every document's data, in query order. */
export const allData = <T>(snapshot: QuerySnapshot<T>): T[] => snapshot.docs.map((d) => d.data());

/** Every document with its id, in query order. */
export const allItems = <T>(snapshot: QuerySnapshot<T>): Item<T>[] =>
  snapshot.docs.map((d) => ({ id: d.id, data: d.data() }));
