import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { type ReportReason, type UserProfile } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { loadProfile } from "../profile/profileStore";
import { errorMessage } from "../shared/errors";
import { humanize } from "../shared/format";
import { Alert, ReportReasonOptions, Spinner } from "../shared/ui";
import { Avatar } from "./Avatar";
import { block, isBlocked, unblock } from "./matchingStore";
import { receivedText, reportMember } from "../reports/reportService";
import { ConnectionButtons, SocialCountsLine } from "../social/ConnectionPanel";

/** A member's public profile, with block and report. */
export function PersonPage() {
  const { uid = "" } = useParams();
  const { session } = useReadyProfile();
  const [profile, setProfile] = useState<UserProfile | null | "missing">(null);
  const [blocked, setBlocked] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  useEffect(() => {
    loadProfile(uid)
      .then((found) => setProfile(found ?? "missing"))
      .catch(() => setProfile("missing"));
    isBlocked(session.uid, uid)
      .then(setBlocked)
      .catch(() => setBlocked(false));
  }, [uid, session.uid]);

  async function toggleBlock() {
    setMessage(null);
    try {
      if (blocked) await unblock(session.uid, uid);
      else await block(session.uid, uid);
      setBlocked(!blocked);
      setMessage({
        kind: "success",
        text: blocked ? "Unblocked." : "Blocked. You will no longer see each other, and any match has ended.",
      });
    } catch (error) {
      setMessage({ kind: "error", text: errorMessage(error) });
    }
  }

  if (profile === null) return <Spinner label="Loading profile…" />;
  if (profile === "missing") return <Alert kind="error">This member does not exist.</Alert>;
  const self = uid === session.uid;

  return (
    <div className="page narrow">
      <section className="card profile-summary">
        <div className="summary-head">
          <Avatar name={profile.displayName} photoURL={profile.photoURL} />
          <h1 className="card-title" data-testid="person-name">
            {profile.displayName}
          </h1>
        </div>
        <SocialCountsLine uid={uid} />
        {profile.bio && <p className="bio">{profile.bio}</p>}
        <p className="muted">
          {humanize(profile.fitnessLevel)} · {profile.interests.map(humanize).join(", ")}
        </p>
        {message && (
          <Alert kind={message.kind} testId="person-message">
            {message.text}
          </Alert>
        )}
        {!self && blocked === false && <ConnectionButtons uid={session.uid} otherUid={uid} />}
        {!self && blocked !== null && (
          <div className="row">
            <button
              type="button"
              className="button button-danger-outline"
              data-testid="block-button"
              onClick={() => void toggleBlock()}
            >
              {blocked ? "Unblock" : "Block"}
            </button>
          </div>
        )}
      </section>
      {!self && <ReportForm subjectUid={uid} />}
    </div>
  );
}

function ReportForm({ subjectUid }: { subjectUid: string }) {
  const [reason, setReason] = useState<ReportReason>("inappropriate");
  const [details, setDetails] = useState("");
  const [state, setState] = useState<"idle" | "sending" | { received: string } | { error: string }>("idle");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState("sending");
    try {
      setState({ received: receivedText(await reportMember({ subjectUid, reason, details })) });
    } catch (error) {
      setState({ error: errorMessage(error) });
    }
  }

  if (typeof state === "object" && "received" in state)
    return (
      <Alert kind="success" testId="report-sent">
        {state.received} <Link to="/reports">Your reports</Link>
      </Alert>
    );
  return (
    <form className="card" aria-label="Report this member" onSubmit={(e) => void submit(e)}>
      <h2 className="card-title">Report</h2>
      <div className="field">
        <label htmlFor="report-reason">Reason</label>
        <select id="report-reason" value={reason} onChange={(e) => setReason(e.target.value as ReportReason)}>
          <ReportReasonOptions />
        </select>
      </div>
      <div className="field">
        <label htmlFor="report-details">What happened?</label>
        <textarea id="report-details" maxLength={1000} value={details} onChange={(e) => setDetails(e.target.value)} />
      </div>
      {typeof state === "object" && "error" in state && <Alert kind="error">{state.error}</Alert>}
      <button type="submit" className="button button-danger" disabled={state === "sending"} data-testid="report-submit">
        Send report
      </button>
    </form>
  );
}
