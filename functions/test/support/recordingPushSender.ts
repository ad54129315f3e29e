/**
 * FCM has no emulator: tests give the delivery code this sender, which records every multicast it
 * is handed and answers per token as the test says (success by default).
 */
import type { PushMessage, PushResult, PushSender } from "../../src/notifications/push.js";

export class RecordingPushSender implements PushSender {
  readonly sent: PushMessage[] = [];
  /** FCM error code to answer for a token; absent means delivered. */
  readonly failures = new Map<string, string>();

  sendEachForMulticast(message: PushMessage): Promise<PushResult> {
    this.sent.push(structuredClone(message));
    const responses = message.tokens.map((token) => {
      const code = this.failures.get(token);
      return code ? { success: false, error: { code, message: code } } : { success: true };
    });
    const failureCount = responses.filter((r) => !r.success).length;
    return Promise.resolve({ responses, failureCount, successCount: responses.length - failureCount });
  }

  tokensSent(): string[] {
    return this.sent.flatMap((m) => m.tokens);
  }
}
