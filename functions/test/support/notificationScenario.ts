/** Members as the notification code sees them: settings (email, time zone), wishes and devices. */
import { randomUUID } from "node:crypto";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { paths, type ChannelSwitches, type NotificationType, type QuietHours } from "../../src/model/index.js";

export interface MemberSetup {
  email?: string | null;
  timeZone?: string;
  channels?: Partial<Record<NotificationType, ChannelSwitches>>;
  quietHours?: QuietHours | null;
  tokens?: string[];
}

export async function seedMember(db: Firestore, setup: MemberSetup = {}): Promise<string> {
  const uid = `member-${randomUUID().slice(0, 8)}`;
  const batch = db.batch();
  batch.set(db.doc(paths.privateSettings(uid)), {
    email: setup.email === undefined ? `${uid}@numina.test` : setup.email,
    location: null,
    timeZone: setup.timeZone ?? "Europe/London",
    tosAcceptedAt: null,
    updatedAt: Timestamp.now(),
  });
  if (setup.channels || setup.quietHours) {
    batch.set(db.doc(paths.notificationPreferences(uid)), {
      channels: setup.channels ?? {},
      quietHours: setup.quietHours ?? null,
      updatedAt: Timestamp.now(),
    });
  }
  (setup.tokens ?? []).forEach((token, i) => {
    batch.set(db.doc(paths.device(uid, `device-${i}`)), { uid, token, platform: "web", updatedAt: Timestamp.now() });
  });
  await batch.commit();
  return uid;
}

export const ALL_OFF: ChannelSwitches = { inApp: false, push: false, email: false };
