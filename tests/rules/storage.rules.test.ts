/**
 * storage.rules: profile photos under users/{uid}/profile/. The owner uploads an image under
 * 5 MB; any signed-in user reads; every other path is denied.
 *
 * The Storage emulator needs a rules-runtime jar that cannot always be downloaded; without the
 * emulator these tests skip and say why, and they run wherever STORAGE_EMULATOR_HOST is set.
 */
import { initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteObject, getMetadata, listAll, ref, uploadBytes, type FirebaseStorage } from "firebase/storage";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import {
  contextAs,
  emulatorAddress,
  expectAllowed,
  modularStorage,
  PERSONAS,
  readRules,
  UID,
  type Persona,
} from "./support.js";

const STORAGE_HOST_VARIABLE = "STORAGE_EMULATOR_HOST";
const emulatorMissing = !process.env[STORAGE_HOST_VARIABLE];
if (emulatorMissing) {
  console.warn(
    "storage rules tests skipped: the Storage emulator is not running (its rules runtime could not be downloaded)",
  );
}

const MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_DIR = `users/${UID.owner}/profile`;
const PHOTO = `${PHOTO_DIR}/avatar.png`;
const PNG = { contentType: "image/png" };

function bytes(size: number): Uint8Array {
  return new Uint8Array(size).fill(7);
}

describe.skipIf(emulatorMissing)("storage rules", () => {
  let env: RulesTestEnvironment;

  beforeAll(async () => {
    env = await initializeTestEnvironment({
      projectId: "demo-numina-rules-storage",
      storage: {
        rules: readRules("storage.rules"),
        ...emulatorAddress(STORAGE_HOST_VARIABLE, { host: "127.0.0.1", port: 9199 }),
      },
    });
  });
  afterAll(async () => {
    await env.cleanup();
  });
  beforeEach(async () => {
    await env.clearStorage();
    // Alice already has a photo, uploaded with rules off.
    await env.withSecurityRulesDisabled(async (context) => {
      await uploadBytes(ref(modularStorage(context), PHOTO), bytes(1024), PNG);
    });
  });

  function storageAs(persona: Persona): FirebaseStorage {
    return modularStorage(contextAs(env, persona));
  }

  const signedIn = (persona: Persona) => persona !== "anonymous";
  const isOwner = (persona: Persona) => persona === "owner";

  describe("users/{uid}/profile/{fileName}", () => {
    it.each(PERSONAS)("read alice's photo as %s", async (persona) => {
      await expectAllowed(getMetadata(ref(storageAs(persona), PHOTO)), signedIn(persona));
    });

    it.each(PERSONAS)("list alice's photos as %s", async (persona) => {
      await expectAllowed(listAll(ref(storageAs(persona), PHOTO_DIR)), signedIn(persona));
    });

    it.each(PERSONAS)("upload a new photo to alice's folder as %s", async (persona) => {
      const upload = uploadBytes(ref(storageAs(persona), `${PHOTO_DIR}/new.png`), bytes(1024), PNG);
      await expectAllowed(upload, isOwner(persona));
    });

    it.each(PERSONAS)("replace alice's photo as %s", async (persona) => {
      const upload = uploadBytes(ref(storageAs(persona), PHOTO), bytes(2048), { contentType: "image/jpeg" });
      await expectAllowed(upload, isOwner(persona));
    });

    it.each(PERSONAS)("delete alice's photo as %s", async (persona) => {
      await expectAllowed(deleteObject(ref(storageAs(persona), PHOTO)), isOwner(persona));
    });

    it("accepts an image one byte under 5 MB", async () => {
      await expectAllowed(uploadBytes(ref(storageAs("owner"), PHOTO), bytes(MAX_BYTES - 1), PNG), true);
    });

    it("refuses an image of exactly 5 MB", async () => {
      await expectAllowed(uploadBytes(ref(storageAs("owner"), PHOTO), bytes(MAX_BYTES), PNG), false);
    });

    const notImages = ["text/html", "application/javascript", "application/pdf", "application/octet-stream"];
    it.each(notImages)("refuses content type %s", async (contentType) => {
      await expectAllowed(uploadBytes(ref(storageAs("owner"), PHOTO), bytes(1024), { contentType }), false);
    });
  });

  describe("every other path", () => {
    const elsewhere = [`users/${UID.owner}/avatar.png`, `users/${UID.owner}/documents/id.png`, "public/banner.png"];

    it.each(elsewhere)("the owner cannot upload to %s", async (path) => {
      await expectAllowed(uploadBytes(ref(storageAs("owner"), path), bytes(1024), PNG), false);
    });

    it.each(elsewhere)("an admin cannot upload to %s", async (path) => {
      await expectAllowed(uploadBytes(ref(storageAs("admin"), path), bytes(1024), PNG), false);
    });

    it.each(elsewhere)("nobody reads %s", async (path) => {
      await env.withSecurityRulesDisabled(async (context) => {
        await uploadBytes(ref(modularStorage(context), path), bytes(16), PNG);
      });
      for (const persona of PERSONAS) {
        await expectAllowed(getMetadata(ref(storageAs(persona), path)), false);
      }
    });
  });
});
