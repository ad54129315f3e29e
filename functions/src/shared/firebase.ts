/**
 * The Admin SDK, initialised once per process. Only adapters (triggers, callables, scripts) import
 * this module; domain code receives what it needs as arguments.
 */
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";

export function adminApp() {
  return getApps()[0] ?? initializeApp();
}
export const db = () => getFirestore(adminApp());
export const auth = () => getAuth(adminApp());
