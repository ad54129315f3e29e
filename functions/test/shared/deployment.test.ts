/**
 * What every deployed function promises, read from the manifest firebase-functions builds for
 * `firebase deploy`: the European region, the instance cap, and for event triggers, retries.
 * A new function that forgets one of these fails here, not in production.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS_REGION } from "../../src/model/index.js";
import { MAX_INSTANCES } from "../../src/shared/runtime.js";

interface Endpoint {
  platform: "gcfv1" | "gcfv2";
  region?: string[];
  maxInstances?: number;
  eventTrigger?: { eventType: string; retry?: boolean };
  scheduleTrigger?: unknown;
  callableTrigger?: unknown;
  httpsTrigger?: unknown;
}

/**
 * Event triggers that deliberately do not retry, each with the reason; everything else must.
 * (Scheduled jobs are not event triggers: the next run picks up what one run missed.)
 */
const NOT_RETRIED: Readonly<Record<string, string>> = {};

let endpoints: [string, Endpoint][] = [];

beforeAll(async () => {
  // The v1 Auth trigger reads the project id when its manifest is built.
  process.env["GCLOUD_PROJECT"] ??= "demo-numina";
  const deployed = (await import("../../src/index.js")) as Record<string, { __endpoint: Endpoint }>;
  endpoints = Object.entries(deployed).map(([name, fn]) => [name, fn.__endpoint]);
});

describe("every deployed function", () => {
  it("runs in the European region, capped at MAX_INSTANCES", () => {
    expect(endpoints.length).toBeGreaterThan(30);
    for (const [name, endpoint] of endpoints) {
      expect(endpoint.region, name).toEqual([FUNCTIONS_REGION]);
      expect(endpoint.maxInstances, name).toBe(MAX_INSTANCES);
    }
  });

  it("retries a failed event, unless it is listed with the reason it must not", () => {
    const triggers = endpoints.filter(([, endpoint]) => endpoint.eventTrigger);
    expect(triggers.length).toBeGreaterThan(10);
    const notRetried = triggers.filter(([, endpoint]) => endpoint.eventTrigger?.retry !== true).map(([name]) => name);
    expect(notRetried.sort()).toEqual(Object.keys(NOT_RETRIED).sort());
  });
});
