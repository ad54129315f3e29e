/** The notification jobs: outbox retries, held pushes, the 90-day clean-up and the weekly digest. */
import { onSchedule } from "firebase-functions/scheduler";
import { db } from "../shared/firebase.js";
import { appOrigin, defaultPushSender, mailConfig, smtpUrl, unsubscribeSecret } from "./configStore.js";
import { cleanUpOldNotifications, queueWeeklyDigests, sendHeldPushes } from "./housekeepingStore.js";
import { log } from "./logs.js";
import { sweepOutbox } from "./mailStore.js";

export const sweepMailOutbox = onSchedule(
  { schedule: "every 1 minutes", secrets: [smtpUrl, unsubscribeSecret] },
  async () => {
    const swept = await sweepOutbox(db(), Date.now(), mailConfig());
    if (swept.retried + swept.expired > 0) log.mailSwept(swept);
  },
);

export const sendQuietHoursPushes = onSchedule("every 15 minutes", async () => {
  log.heldPushesSent(await sendHeldPushes(db(), defaultPushSender(), Date.now(), appOrigin()));
});

export const cleanUpNotifications = onSchedule("every day 03:30", async () => {
  log.cleanedUp(await cleanUpOldNotifications(db(), Date.now()));
});

export const sendWeeklyDigest = onSchedule({ schedule: "every monday 09:00", timeZone: "Europe/London" }, async () => {
  log.digestsQueued(await queueWeeklyDigests(db(), Date.now(), appOrigin()));
});
