/** The messaging feature's public module: conversations that other features and scripts open, sync and close. */
export { closeConversation, openDirectConversation, syncClassChatMember } from "./conversationStore.js";
export { tombstoneWithEvidence } from "./messageStore.js";
