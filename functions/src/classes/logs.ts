/** Named log events of the classes feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  seatsFilled: (classId: string, promoted: number) =>
    logger.info("seats filled", { event: "class.seatsFilled", classId, promoted }),
  classCancelled: (classId: string, roster: number, notified: number) =>
    logger.info("class cancelled", { event: "class.cancelled", classId, roster, notified }),
  occurrencesCreated: (classId: string, weeks: number, created: number) =>
    logger.info("weekly occurrences created", { event: "class.occurrencesCreated", classId, weeks, created }),
  promotedNotice: (classId: string, uid: string, delivered: number) =>
    logger.info("waitlist promotion notice", { event: "class.promotedNotice", classId, uid, delivered }),
  promotedNoticeSkipped: (classId: string, uid: string, reason: string) =>
    logger.warn("waitlist promotion notice skipped", { event: "class.promotedNoticeSkipped", classId, uid, reason }),
  remindersSent: (sent: number, classes: number) =>
    logger.info("class reminders", { event: "class.remindersSent", sent, classes }),
};
