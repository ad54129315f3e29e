/** What a class's counts mean to a member, in words. Pure. */
import type { AttendeeStatus } from "@numina/model";

export interface SeatCounts {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

export function seatsLeft(counts: SeatCounts): number {
  return Math.max(0, counts.capacity - counts.confirmedCount);
}

/** "3 of 20 seats left", "1 of 20 seats left", "Full — 4 on the waitlist", "Full". */
export function seatsText(counts: SeatCounts): string {
  const left = seatsLeft(counts);
  if (left > 0) return `${left} of ${counts.capacity} ${counts.capacity === 1 ? "seat" : "seats"} left`;
  return counts.waitlistCount > 0 ? `Full — ${counts.waitlistCount} on the waitlist` : "Full";
}

/** "2.3 km", "850 m". */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`;
  return `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;
}

const STATUS_LABEL: Record<AttendeeStatus, string> = {
  confirmed: "Confirmed",
  waitlisted: "Waitlisted",
  cancelled: "Left",
  attended: "Attended",
  no_show: "No-show",
};

export function attendeeStatusLabel(status: AttendeeStatus): string {
  return STATUS_LABEL[status];
}

/** "You're #3 on the waitlist" (1 = next in line), said the same way on every page. */
export function waitlistText(position: number): string {
  return `You're #${position} on the waitlist`;
}
