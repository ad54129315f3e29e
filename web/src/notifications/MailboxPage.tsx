import { useEffect, useState } from "react";
import { Alert } from "../shared/ui";

/** Where `npm start`'s mail catcher (scripts/dev/mailCatcher.ts) serves what it caught. */
const MAILBOX_URL = "http://127.0.0.1:2526/messages";

interface CaughtMail {
  id: number;
  to: string[];
  receivedAt: string;
  subject: string;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
}

/** Development only: every email the local functions sent, as the recipient would get it. */
export function MailboxPage() {
  const [mails, setMails] = useState<CaughtMail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = () =>
      fetch(MAILBOX_URL)
        .then((res) => res.json() as Promise<CaughtMail[]>)
        .then((list) => {
          if (!stopped) {
            setMails(list);
            setError(null);
          }
        })
        .catch(() => !stopped && setError("The mail catcher is not running. Start Numina with `npm start`."));
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  const open = mails?.find((m) => m.id === openId) ?? null;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Development</p>
        <h1>Mailbox</h1>
        <p className="muted">Every email the local functions sent. Nothing here leaves this machine.</p>
      </header>
      {error && <Alert kind="warning">{error}</Alert>}
      {mails?.length === 0 && <p className="muted">No email yet.</p>}
      <div className="grid">
        <ul className="plain-list card" data-testid="mailbox-list">
          {mails?.map((mail) => (
            <li key={mail.id}>
              <button type="button" className="link-button" onClick={() => setOpenId(mail.id)}>
                <strong>{mail.subject}</strong> — {mail.to.join(", ")}
              </button>
              <p className="hint">{new Date(mail.receivedAt).toLocaleString()}</p>
            </li>
          ))}
        </ul>
        {open && (
          <article className="card stack">
            <h2 className="section-title">{open.subject}</h2>
            <p className="hint">To: {open.to.join(", ")}</p>
            {open.headers["list-unsubscribe"] && (
              <p className="hint">List-Unsubscribe: {open.headers["list-unsubscribe"]}</p>
            )}
            {open.html && (
              <iframe
                title="HTML part"
                sandbox=""
                srcDoc={open.html}
                style={{ width: "100%", height: 420, border: 0 }}
              />
            )}
            <pre style={{ whiteSpace: "pre-wrap" }}>{open.text}</pre>
          </article>
        )}
      </div>
    </div>
  );
}
