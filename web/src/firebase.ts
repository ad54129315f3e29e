/**
 * The one module that initialises Firebase. Everything else imports `auth`, `db` and `functions`
 * from here, so emulator wiring happens exactly once and before any request is made.
 */
import { initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions } from "firebase/functions";
import { config } from "./config";

export const app = initializeApp(config.firebase);
export const auth = getAuth(app);
export const db = getFirestore(app);
export const functions = getFunctions(app, config.functionsRegion);

if (config.emulators) {
  // disableWarnings: the emulator banner would cover the bottom of every page and every screenshot.
  connectAuthEmulator(auth, config.emulators.auth, { disableWarnings: true });
  connectFirestoreEmulator(db, config.emulators.firestore.host, config.emulators.firestore.port);
  connectFunctionsEmulator(functions, config.emulators.functions.host, config.emulators.functions.port);
}
