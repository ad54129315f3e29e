/** The social feature's public module: what other features (account deletion) call. */
export { severConnection } from "./connectionStore.js";
