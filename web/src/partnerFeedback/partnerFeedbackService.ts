/**
 * Partner feedback from the client's side: two callables. Nothing here reads Firestore: a member's
 * answers are theirs to read, but the page needs only whom to ask about and whether it answered.
 */
import { httpsCallable } from "firebase/functions";
import type {
  GetPartnerFeedbackPromptsRequest,
  GetPartnerFeedbackPromptsResponse,
  SubmitPartnerFeedbackRequest,
  SubmitPartnerFeedbackResponse,
} from "@numina/model";
import { functions } from "../firebase";
import type { Watcher } from "../shared/watch";

const promptsCallable = httpsCallable<GetPartnerFeedbackPromptsRequest, GetPartnerFeedbackPromptsResponse>(
  functions,
  "getPartnerFeedbackPrompts",
);
const submitCallable = httpsCallable<SubmitPartnerFeedbackRequest, SubmitPartnerFeedbackResponse>(
  functions,
  "submitPartnerFeedback",
);

/** Whom the member may answer for in a class, once, in the watcher shape useLive takes. */
export function loadPartnerFeedbackPrompts(
  classId: string,
  watcher: Watcher<GetPartnerFeedbackPromptsResponse>,
): () => void {
  let live = true;
  promptsCallable({ classId }).then(
    (result) => live && watcher.next(result.data),
    (error: unknown) => live && watcher.error(error),
  );
  return () => {
    live = false;
  };
}

export async function submitPartnerFeedback(
  request: SubmitPartnerFeedbackRequest,
): Promise<SubmitPartnerFeedbackResponse> {
  return (await submitCallable(request)).data;
}
