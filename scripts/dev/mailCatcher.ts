/**
 * The local mail catcher `npm start` runs: an SMTP server on 127.0.0.1:2525 (where the Functions
 * emulator's SMTP_URL points, functions/.secret.local) that keeps every email in memory, and a
 * small HTTP endpoint the web client's dev Mailbox page reads. Nothing leaves the machine.
 */
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { SMTPServer } from "smtp-server";
import { parseMail, type ParsedMail } from "../lib/mimeMessage.js";

export const MAIL_CATCHER = { smtpPort: 2525, httpPort: 2526, host: "127.0.0.1" } as const;

/** A message as an SMTP collector received it: parsed, with the envelope's recipients. */
export interface CollectedMail extends ParsedMail {
  envelopeTo: string[];
}

/**
 * An SMTP server (not yet listening) that accepts anything, parses each message and hands it to
 * `onMail`, which may refuse it by returning an error (a 451 makes the sender retry later). The
 * mail catcher and the functions tests' SMTP server are both this.
 */
export function collectingSmtpServer(onMail: (mail: CollectedMail) => Error | undefined): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        callback(
          onMail({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            ...parseMail(Buffer.concat(chunks).toString("utf8")),
          }),
        );
      });
    },
  });
}

interface CaughtMail extends ParsedMail {
  id: number;
  to: string[];
  receivedAt: string;
}

const KEEP = 500;

export function startMailCatcher(): () => void {
  const caught: CaughtMail[] = [];
  let received = 0;

  const smtp = collectingSmtpServer(({ envelopeTo, ...mail }) => {
    caught.unshift({ id: ++received, to: envelopeTo, receivedAt: new Date().toISOString(), ...mail });
    caught.length = Math.min(caught.length, KEEP);
    return undefined;
  });

  const http = createServer((req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    if (req.url === "/messages" && req.method === "GET") {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify(caught));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });

  smtp.listen(MAIL_CATCHER.smtpPort, MAIL_CATCHER.host);
  http.listen(MAIL_CATCHER.httpPort, MAIL_CATCHER.host);
  return () => {
    smtp.close(() => undefined);
    http.close();
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stop = startMailCatcher();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
