/** The notification jobs: outbox retries, held pushes, the 90-day clean-up and the weekly digest. */
import { onSchedule } from "firebase-functions/scheduler";
import { logger } from "firebase-functions";
import { db } from "../shared/firebase.js";
import { appOrigin, defaultPushSender, mailConfig, smtpUrl, unsubscribeSecret } from "./configStore.js";
import { cleanUpOldNotifications, queueWeeklyDigests, sendHeldPushes } from "./housekeepingStore.js";
import { sweepOutbox } from "./mailStore.js";

export const sweepMailOutbox = onSchedule(
  { schedule: "every 1 minutes", secrets: [smtpUrl, unsubscribeSecret] },
  async () => {
    const swept = await sweepOutbox(db(), Date.now(), mailConfig());
    if (swept.retried + swept.expired > 0) logger.info("mail outbox swept", { event: "mail.swept", ...swept });
  },
);

export const sendQuietHoursPushes = onSchedule("every 15 minutes", async () => {
  const sent = await sendHeldPushes(db(), defaultPushSender(), Date.now(), appOrigin());
  logger.info("held pushes sent", { event: "notifications.heldPushesSent", sent });
});

export const cleanUpNotifications = onSchedule("every day 03:30", async () => {
  const deleted = await cleanUpOldNotifications(db(), Date.now());
  logger.info("old notifications deleted", { event: "notifications.cleanedUp", ...deleted });
});

export const sendWeeklyDigest = onSchedule({ schedule: "every monday 09:00", timeZone: "Europe/London" }, async () => {
  const queued = await queueWeeklyDigests(db(), Date.now(), appOrigin());
  logger.info("weekly digests queued", { event: "notifications.digestsQueued", queued });
});
