/**
 * mail/{id}: the email outbox, and users/{uid}/notificationDeliveries/{id}: what each notice
 * delivered. Functions only: a client that could write the outbox could send any email from
 * Numina's address; one that could write delivery records could silence a member's notices.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME, UID } from "./support.js";

let env: RulesTestEnvironment;
const MAIL = paths.mail(`class_cancelled-yoga-1--${UID.owner}`);
const DELIVERY = paths.notificationDelivery(UID.owner, "class_cancelled-yoga-1");

const mail = {
  to: "alice@numina.test",
  message: { subject: "Cancelled: Yoga", text: "It is off.", html: "<p>It is off.</p>" },
  headers: {},
  kind: "class_cancelled",
  uid: UID.owner,
  unsubscribe: { uid: UID.owner, topic: "class_cancelled" },
  delivery: { state: "PENDING", attempts: 0 },
  createdAt: STALE_TIME,
};

beforeAll(async () => {
  env = await firestoreTestEnv("mail");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [MAIL]: mail,
    [DELIVERY]: {
      type: "class_cancelled",
      inApp: true,
      push: "sent",
      pushAt: null,
      notice: null,
      mailId: null,
      createdAt: STALE_TIME,
    },
  });
});

describe("mail/{id}", () => {
  it.each(PERSONAS)("reading an email (even one to yourself) as %s is denied", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), MAIL)), false);
  });

  it.each(PERSONAS)("listing the outbox as %s is denied", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), "mail")), false);
  });

  it.each(PERSONAS)("queueing an email as %s is denied", async (persona) => {
    const forged = {
      ...mail,
      to: "victim@example.com",
      message: { ...mail.message, subject: "Reset your password here" },
    };
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), paths.mail("forged")), forged), false);
  });

  it.each(PERSONAS)("marking an email sent (so it never goes) as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), MAIL), { "delivery.state": "SUCCESS" }), false);
  });

  it.each(PERSONAS)("deleting an email as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), MAIL)), false);
  });
});

describe("users/{uid}/notificationDeliveries/{id}", () => {
  it.each(PERSONAS)("reading alice's delivery record as %s is denied", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), DELIVERY)), false);
  });

  // A pre-made record would make the fan-out skip alice: she would never hear of the next event.
  it.each(PERSONAS)("pre-creating a delivery record for alice as %s is denied", async (persona) => {
    const path = paths.notificationDelivery(UID.owner, "class_cancelled-next");
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), path), { type: "class_cancelled" }), false);
  });
});
