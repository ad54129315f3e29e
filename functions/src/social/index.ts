/** The social feature's public module: what other features (account deletion, moderation) call. */
export { severConnection } from "./connectionStore.js";
export { removeComment, retractComment, retractKudos } from "./reactionStore.js";
