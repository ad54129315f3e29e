/** Scenario builders for messaging tests: conversations opened as matching opens them, and sends as a client makes them. */
import { randomUUID } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import { serverTimestamp, type Firestore as ClientFirestore } from "firebase/firestore";
import { openDirectConversation } from "../../src/messaging/conversationStore.js";
import { conversationSchema, membersOfPair, pairIdOf, paths } from "../../src/model/index.js";
import { sendCounted } from "./countedMessage.js";

/** A direct conversation, opened inside a transaction as the match trigger does. */
export async function openDirect(db: Firestore, a: string, b: string): Promise<string> {
  return db.runTransaction((tx) =>
    Promise.resolve(openDirectConversation(db, tx, { pairId: pairIdOf(a, b), userIds: membersOfPair(a, b) })),
  );
}

export async function conversationIn(db: Firestore, conversationId: string) {
  return conversationSchema.parse((await db.doc(paths.conversation(conversationId)).get()).data());
}

/** A message as the web client sends it: its own id, the server's time. Resolves with the id. */
export async function send(
  client: { db: ClientFirestore; uid: string },
  conversationId: string,
  text: string,
  id = randomUUID(),
) {
  await sendCounted(client.db, client.uid, conversationId, id, {
    senderId: client.uid,
    text,
    createdAt: serverTimestamp(),
  });
  return id;
}
