/**
 * Event triggers whose work must not be lost. Cloud Functions v2 drops an event whose handler
 * failed unless the trigger sets `retry: true`; with it, the event is delivered again (with
 * backoff) for up to seven days. So every such trigger:
 *   - sets `retry: true` (`retried(pattern)`), and is idempotent (deterministic ids, transactions);
 *   - drops an event older than MAX_EVENT_AGE_MS (`dropWhenStale`), so a poison event (one that
 *     fails every time) stops after an hour instead of retrying for a week, and a stale change is
 *     not applied on top of newer ones. The drop is logged as `trigger.staleEventDropped`.
 * A trigger that does not retry says why beside its definition.
 */
import "./runtime.js";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import type { DocumentOptions } from "firebase-functions/firestore";
import type { z } from "zod";
import { InvalidDocumentError } from "../model/index.js";
import { parseSnapshot, type DocumentSchema } from "./firestore.js";
import { log } from "./logs.js";

/**
 * One hour: a transient failure (contention, a Firestore or SMTP blip, a cold start timing out)
 * clears within minutes, and the retry backoff reaches an hour after several attempts. Past that,
 * the event is a poison event, or a change members have long since moved on from.
 */
export const MAX_EVENT_AGE_MS = 60 * 60 * 1000;

/** Trigger options for a document pattern: delivered again after a failure. */
export function retried<Document extends string>(
  document: Document,
  options: Omit<DocumentOptions<Document>, "document" | "retry"> = {},
): DocumentOptions<Document> {
  return { ...options, document, retry: true };
}

interface CloudEventLike {
  id: string;
  time: string;
}

export function isStale(event: CloudEventLike, nowMs: number): boolean {
  return nowMs - Date.parse(event.time) > MAX_EVENT_AGE_MS;
}

/** The handler, unless the event is older than MAX_EVENT_AGE_MS (then logged and acknowledged). */
export function dropWhenStale<E extends CloudEventLike>(
  trigger: string,
  handler: (event: E) => Promise<void>,
  now: () => number = Date.now,
): (event: E) => Promise<void> {
  return async (event) => {
    const nowMs = now();
    if (isStale(event, nowMs)) {
      log.staleEventDropped(trigger, event.id, nowMs - Date.parse(event.time));
      return;
    }
    await handler(event);
  };
}

/**
 * dropWhenStale for a 1st-gen trigger (the Auth onCreate, retried through v1Functions()'s
 * failurePolicy), whose event id and time are in its context.
 */
export function dropWhenStaleV1<D, C extends { eventId: string; timestamp: string }>(
  trigger: string,
  handler: (data: D, context: C) => Promise<void>,
  now: () => number = Date.now,
): (data: D, context: C) => Promise<void> {
  const checked = dropWhenStale(
    trigger,
    (event: CloudEventLike & { data: D; context: C }) => handler(event.data, event.context),
    now,
  );
  return (data, context) => checked({ id: context.eventId, time: context.timestamp, data, context });
}

/** What eventDocument answers for a document that does not match its schema. */
export const INVALID_DOCUMENT = Symbol("invalid document");

/**
 * The event's document through its schema: null when the event carries none (a create's before,
 * a delete's after), INVALID_DOCUMENT when it does not match. An invalid document is logged
 * (`trigger.invalidDocumentSkipped`) and the caller skips the event: a retry cannot fix it.
 */
export function eventDocument<S extends DocumentSchema>(
  trigger: string,
  schema: S,
  snapshot: DocumentSnapshot | undefined,
): z.output<S> | null | typeof INVALID_DOCUMENT {
  try {
    return parseSnapshot(schema, snapshot);
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    log.invalidDocumentSkipped(trigger, error.path, error.issues);
    return INVALID_DOCUMENT;
  }
}

/** eventDocument for a trigger that has nothing to do without a valid document: null for either. */
export function validEventDocument<S extends DocumentSchema>(
  trigger: string,
  schema: S,
  snapshot: DocumentSnapshot | undefined,
): z.output<S> | null {
  const document = eventDocument(trigger, schema, snapshot);
  return document === INVALID_DOCUMENT ? null : document;
}

/** The document before a change, only to tell what changed: a missing or unreadable one is null. */
export function previousDocument<S extends DocumentSchema>(
  schema: S,
  snapshot: DocumentSnapshot | undefined,
): z.output<S> | null {
  try {
    return parseSnapshot(schema, snapshot);
  } catch (error) {
    if (error instanceof InvalidDocumentError) return null;
    throw error;
  }
}
