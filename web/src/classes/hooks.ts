/** Live data for the classes pages, as { status } states keyed by what was asked for. */
import { useEffect, useState } from "react";
import type { Unsubscribe } from "firebase/firestore";
import type { AttendanceRecord, Attendee } from "@numina/model";
import { errorMessage } from "../shared/errors";
import { watchClass, watchInstructorClasses, watchUpcomingClasses, type ClassItem, type Watcher } from "./classesStore";
import { watchMyAttendee } from "./rsvpService";
import { watchMyAttendance, watchMyUpcoming, watchRoster } from "./scheduleStore";

export type Live<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; message: string };

/**
 * Subscribes while mounted; a new `key` resubscribes. The state is keyed so that, for a moment
 * after the key changes, the previous answer is never shown as the new one.
 */
export function useLive<T>(key: string, subscribe: (watcher: Watcher<T>) => Unsubscribe): Live<T> {
  const [entry, setEntry] = useState<{ key: string; state: Live<T> } | null>(null);
  useEffect(
    () =>
      subscribe({
        next: (value) => setEntry({ key, state: { status: "ready", value } }),
        error: (error) => setEntry({ key, state: { status: "error", message: errorMessage(error) } }),
      }),
    // `subscribe` is rebuilt on every render; `key` says everything it depends on.
    [key],
  );
  return entry?.key === key ? entry.state : { status: "loading" };
}

export const useClass = (classId: string) =>
  useLive<ClassItem | null>(`class:${classId}`, (w) => watchClass(classId, w));

export const useUpcomingClasses = (fromMs: number) =>
  useLive<ClassItem[]>(`upcoming:${fromMs}`, (w) => watchUpcomingClasses(fromMs, w));

export const useInstructorClasses = (uid: string) =>
  useLive<ClassItem[]>(`teaching:${uid}`, (w) => watchInstructorClasses(uid, w));

export const useMyAttendee = (classId: string, uid: string) =>
  useLive<Attendee | null>(`me:${classId}:${uid}`, (w) => watchMyAttendee(classId, uid, w));

/** Classes in progress still count as upcoming: a member looks for the venue after the start. */
const IN_PROGRESS_MS = 2 * 60 * 60 * 1000;

export function useMyUpcoming(uid: string, max?: number) {
  const fromMs = useNowMinute() - IN_PROGRESS_MS;
  return useLive<Attendee[]>(`schedule:${uid}:${fromMs}:${max ?? "all"}`, (w) => watchMyUpcoming(uid, fromMs, w, max));
}

export const useMyAttendance = (uid: string) =>
  useLive<AttendanceRecord[]>(`attendance:${uid}`, (w) => watchMyAttendance(uid, w));

export const useRoster = (classId: string) => useLive<Attendee[]>(`roster:${classId}`, (w) => watchRoster(classId, w));

/** A start of "upcoming" that stays put while the page is open (a new value would resubscribe). */
export function useNowMinute(): number {
  const [now] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  return now;
}
