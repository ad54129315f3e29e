/**
 * Recording a member's acceptance of the terms. The rules stamp it: the version must be the one in
 * force and the time the server's, so a client cannot backdate consent or accept terms it never showed.
 */
import { doc, serverTimestamp, updateDoc } from "firebase/firestore";
import { paths, TERMS_VERSION } from "@numina/model";
import { db } from "../firebase";

export async function acceptTerms(uid: string): Promise<void> {
  // A plain reference: a partial update whose times must be the sentinel the rules compare.
  await updateDoc(doc(db, paths.privateSettings(uid)), {
    tosAcceptedAt: serverTimestamp(),
    termsVersion: TERMS_VERSION,
    updatedAt: serverTimestamp(),
  });
}
