/**
 * The notifications feature's public module: what other features call to tell members something.
 * Each notice reaches a member on the channels they chose (in-app, push, email), once.
 */
export { markCollapsingNoticeSeen, prepareCollapsingNotice, type CollapsingNotice } from "./collapsingStore.js";
export { deliverToMany, notifyMany, type BatchWrite, type DeliveryOptions } from "./inboxStore.js";
export { burstRecipients, type RecipientSource } from "./recipientStore.js";
