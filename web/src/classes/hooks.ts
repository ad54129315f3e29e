/** Live data for the classes pages, as shared/hooks.ts `Live` states keyed by what was asked for. */
import type { AttendanceRecord, Attendee } from "@numina/model";
import { useLive, useNowMinute } from "../shared/hooks";
import { watchClass, watchInstructorClasses, watchUpcomingClasses, type ClassItem } from "./classesStore";
import { watchMyAttendee } from "./rsvpService";
import { watchMyAttendance, watchMyUpcoming, watchRoster } from "./scheduleStore";

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
