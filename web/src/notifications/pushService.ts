/**
 * Web push registration. FCM needs a real project and a VAPID key (config.push); without them
 * (the emulators, a project not set up for push) nothing here runs and the app works without push.
 */
import { app } from "../firebase";
import { config } from "../config";
import { deleteDevice, saveDevice } from "./notificationsStore";

const DEVICE_KEY = "numina.deviceId";

/** A stable id for this browser, so re-registering replaces its token instead of adding one. */
function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

export type PushAvailability = "unconfigured" | "unsupported" | "denied" | "available";

export function pushAvailability(): PushAvailability {
  if (!config.push) return "unconfigured";
  if (!("Notification" in window) || !("serviceWorker" in navigator)) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return "available";
}

/** Asks for permission, gets this browser's FCM token and stores it as one of the member's devices. */
export async function enablePush(uid: string): Promise<boolean> {
  if (!config.push || pushAvailability() !== "available") return false;
  if ((await Notification.requestPermission()) !== "granted") return false;
  const { getMessaging, getToken } = await import("firebase/messaging");
  const registration = await navigator.serviceWorker.register("/firebase-messaging-sw.js");
  const token = await getToken(getMessaging(app), {
    vapidKey: config.push.vapidKey,
    serviceWorkerRegistration: registration,
  });
  if (!token) return false;
  await saveDevice(uid, deviceId(), token);
  return true;
}

export async function disablePush(uid: string): Promise<void> {
  if (config.push) {
    const { deleteToken, getMessaging } = await import("firebase/messaging");
    await deleteToken(getMessaging(app)).catch(() => undefined);
  }
  await deleteDevice(uid, deviceId());
}
