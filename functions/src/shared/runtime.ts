/**
 * Options every deployed function shares, set once before any function is defined: every
 * adapter reaches its `on…` builder through callable.ts, triggers.ts or scheduled.ts, which import
 * this module first.
 *
 * maxInstances caps what a burst (a booking storm, a chat flood) can scale to, and so what it can
 * cost and how many connections it opens against Firestore. Per-function overrides go beside the
 * function, with the reason.
 */
import { setGlobalOptions } from "firebase-functions";
import { region as v1Region } from "firebase-functions/v1";
import { FUNCTIONS_REGION } from "../model/index.js";

export const MAX_INSTANCES = 20;

setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: MAX_INSTANCES });

/**
 * The 1st-gen builder, for the one trigger v2 lacks (Auth user creation), with the same region and
 * cap; `failurePolicy` is v1's name for retrying a failed event.
 */
export const v1Functions = () =>
  v1Region(FUNCTIONS_REGION).runWith({ maxInstances: MAX_INSTANCES, failurePolicy: true });
