/** Server-side changes to a member's notification preferences (the unsubscribe link). */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import type { EmailTopic } from "../model/index.js";
import { refs } from "../shared/refs.js";
import { channelsFor, preferencesOrDefaults } from "./preferences.js";
import { dataOrAbsent } from "../shared/firestore.js";

/** Turns off email for one topic, keeping every other wish as it was. Idempotent. */
export async function unsubscribeEmail(db: Firestore, uid: string, topic: EmailTopic): Promise<void> {
  const ref = refs(db).notificationPreferences(uid);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const prefs = preferencesOrDefaults(dataOrAbsent(snap));
    const current = channelsFor(prefs, topic);
    if (snap.exists && !current.email) return;
    tx.set(ref, {
      channels: { ...prefs.channels, [topic]: { ...current, email: false } },
      quietHours: prefs.quietHours,
      updatedAt: FieldValue.serverTimestamp(),
    });
  });
}
