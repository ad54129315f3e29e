/**
 * firestore.rules repeats the model's vocabularies and field lists as literals (rules cannot
 * import code). This test reads the rules file and fails when a list drifts from
 * functions/src/model, so adding an interest or a profile field means updating both, knowingly.
 * It needs no emulator.
 */
import { describe, expect, it } from "vitest";
import {
  TERMS_VERSION,
  AVAILABILITY_SLOTS,
  CITY_IDS,
  CLASS_STATUSES,
  classEditSchema,
  classSchema,
  FITNESS_LEVELS,
  INTERESTS,
  MATCH_ACTIONS,
  MATCHING_FACTORS,
  privateSettingsSchema,
  profileEditSchema,
  ROLES,
  SERVER_OWNED_PROFILE_FIELDS,
  userProfileSchema,
} from "../../functions/src/model/index.js";
import {
  DEVICE_PLATFORMS,
  deviceSchema,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  notificationPreferencesSchema,
  RATE_LIMIT_NAMES,
} from "../../functions/src/model/index.js";
import { ACTIVITY_AUDIENCES, FRIEND_REQUESTS_FROM, socialSettingsSchema } from "../../functions/src/model/index.js";
import { readRules } from "./support.js";

/**
 * The string literals of `function NAME() { return [ ... ]; }` in a rules source. Throws when the
 * function is missing or holds anything but single- or double-quoted strings, so a rewrite of
 * the rules cannot make this test pass vacuously.
 */
function rulesList(source: string, name: string): string[] {
  const match = new RegExp(String.raw`function\s+${name}\s*\(\s*\)\s*\{\s*return\s*\[([^\]]*)\]\s*;\s*\}`).exec(source);
  if (!match?.[1]) throw new Error(`firestore.rules has no list function ${name}()`);
  const body = match[1].trim().replace(/,\s*$/, "");
  return body.split(",").map((item) => {
    const literal = /^\s*(['"])([^'"]*)\1\s*$/.exec(item);
    if (!literal?.[2]) throw new Error(`${name}() holds something other than a string literal: ${item.trim()}`);
    return literal[2];
  });
}

const rules = readRules("firestore.rules");

describe("the parser", () => {
  it("reads a list and rejects what it cannot read", () => {
    const source = "function A() { return ['x', \"y\"]; }\nfunction B() { return [x]; }";
    expect(rulesList(source, "A")).toEqual(["x", "y"]);
    expect(() => rulesList(source, "B")).toThrow(/string literal/);
    expect(() => rulesList(source, "C")).toThrow(/no list function/);
  });
});

describe("firestore.rules vocabularies equal the catalog", () => {
  const vocabularies: ReadonlyArray<[string, readonly string[]]> = [
    ["ROLES", ROLES],
    ["FITNESS_LEVELS", FITNESS_LEVELS],
    ["INTERESTS", INTERESTS],
    ["CITY_IDS", CITY_IDS],
    ["AVAILABILITY_SLOTS", AVAILABILITY_SLOTS],
    ["CLASS_STATUSES", CLASS_STATUSES],
    // ---- Matching
    ["MATCH_ACTIONS", MATCH_ACTIONS],
    ["MATCHING_FACTORS", MATCHING_FACTORS],
    // ---- Limits
    ["RATE_LIMIT_NAMES", RATE_LIMIT_NAMES],
    // ---- Social
    ["FRIEND_REQUESTS_FROM", FRIEND_REQUESTS_FROM],
    ["ACTIVITY_AUDIENCES", ACTIVITY_AUDIENCES],
  ];
  it.each(vocabularies)("%s", (name, expected) => {
    // Same items, same order: order matters to nobody, but an exact copy is the easiest to review.
    expect(rulesList(rules, name)).toEqual([...expected]);
  });
});

describe("firestore.rules constants equal the model", () => {
  it("TERMS_VERSION", () => {
    const match = /function\s+TERMS_VERSION\s*\(\s*\)\s*\{\s*return\s*'([^']*)'\s*;\s*\}/.exec(rules);
    expect(match?.[1]).toBe(TERMS_VERSION);
  });
});

describe("firestore.rules field lists equal the schemas", () => {
  const fieldLists: ReadonlyArray<[string, readonly string[]]> = [
    ["PROFILE_EDIT_FIELDS", Object.keys(profileEditSchema.shape)],
    ["SETTINGS_FIELDS", Object.keys(privateSettingsSchema.shape)],
    ["CLASS_EDIT_FIELDS", Object.keys(classEditSchema.shape)],
    ["CLASS_FIELDS", Object.keys(classSchema.shape)],
    ["SOCIAL_SETTINGS_FIELDS", Object.keys(socialSettingsSchema.shape)],
  ];
  it.each(fieldLists)("%s", (name, expected) => {
    // Order is irrelevant to a key list; membership is what the rules enforce.
    expect(rulesList(rules, name).sort()).toEqual([...expected].sort());
  });

  it("CLASS_REQUIRED_FIELDS are classSchema's non-optional keys", () => {
    const required = Object.entries(classSchema.shape)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([key]) => key);
    expect(rulesList(rules, "CLASS_REQUIRED_FIELDS").sort()).toEqual(required.sort());
  });

  it("a profile is exactly the editable fields, updatedAt and the server-owned fields", () => {
    // The profile update rule lets the owner touch PROFILE_EDIT_FIELDS + updatedAt; everything
    // else on the document must be server-owned, or the owner could never change it at all.
    const editable = [...rulesList(rules, "PROFILE_EDIT_FIELDS"), "updatedAt"];
    expect([...editable, ...SERVER_OWNED_PROFILE_FIELDS].sort()).toEqual(Object.keys(userProfileSchema.shape).sort());
  });
});

// ---- Notifications
describe("firestore.rules notification lists equal the model", () => {
  const lists: ReadonlyArray<[string, readonly string[]]> = [
    ["NOTIFICATION_TYPES", NOTIFICATION_TYPES],
    ["NOTIFICATION_CHANNELS", NOTIFICATION_CHANNELS],
    ["DEVICE_PLATFORMS", DEVICE_PLATFORMS],
    ["NOTIFICATION_PREFERENCE_FIELDS", Object.keys(notificationPreferencesSchema.shape)],
    ["DEVICE_FIELDS", Object.keys(deviceSchema.shape)],
  ];
  it.each(lists)("%s", (name, expected) => {
    expect(rulesList(rules, name).sort()).toEqual([...expected].sort());
  });
});
