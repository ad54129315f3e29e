/**
 * A real SMTP server on a loopback port (the mail catcher's collector, on a free port), keeping
 * what it receives, for tests that deliver email through nodemailer exactly as production does.
 */
import type { AddressInfo } from "node:net";
import { collectingSmtpServer, type CollectedMail } from "../../../scripts/dev/mailCatcher.js";

export type ReceivedMail = CollectedMail;

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** The next `n` messages are refused with a temporary error (451), as a busy server would. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = collectingSmtpServer((mail) => {
    if (refusals > 0) {
      refusals -= 1;
      return Object.assign(new Error("Try again later"), { responseCode: 451 });
    }
    received.push(mail);
    return undefined;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n) => {
      refusals = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
