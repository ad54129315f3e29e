/**
 * "Your training partners" on a class page: after a class, a member who was checked in answers,
 * privately and once, for each matched partner who was booked into it: did they show up, would
 * they train together again, and a few words of praise. The server decides who is listed.
 */
import { useState, type FormEvent } from "react";
import {
  classEndsAtMs,
  PARTNER_FEEDBACK_TAG_LABELS,
  PARTNER_FEEDBACK_TAGS,
  type GetPartnerFeedbackPromptsResponse,
  type PartnerFeedbackPrompt,
  type PartnerFeedbackTag,
} from "@numina/model";
import type { ClassItem } from "../classes/classesStore";
import { errorMessage } from "../shared/errors";
import { useLive } from "../shared/hooks";
import { formatLocalDateTime } from "../shared/time";
import { Alert } from "../shared/ui";
import { loadPartnerFeedbackPrompts, submitPartnerFeedback } from "./partnerFeedbackService";

export function PartnerFeedbackPanel({ item }: { item: ClassItem }) {
  const { data } = item;
  const endsAtMs = classEndsAtMs({ startsAtMs: data.startsAt.toMillis(), durationMinutes: data.durationMinutes });
  const ended = data.status === "scheduled" && Date.now() >= endsAtMs;
  // Only after the class: before it there is nobody to answer for, so no call is made.
  const prompts = useLive<GetPartnerFeedbackPromptsResponse>(`partner-feedback:${item.id}:${ended}`, (w) =>
    ended ? loadPartnerFeedbackPrompts(item.id, w) : () => undefined,
  );
  if (!ended || prompts.status === "loading") return null;
  if (prompts.status === "error") return <Alert kind="error">{prompts.message}</Alert>;
  const { partners, closesAt } = prompts.value;
  if (partners.length === 0 || closesAt === null) return null;

  return (
    <section className="card stack" aria-label="Your training partners" data-testid="partner-feedback">
      <h2 className="card-title">Your training partners</h2>
      <p className="hint">
        Your answers are private: your partner never sees them. They count once you have both answered, or when feedback
        closes on {formatLocalDateTime(Date.parse(closesAt))}, and they help everyone find partners who turn up.
      </p>
      <ul className="plain-list stack">
        {partners.map((partner) => (
          <li key={partner.uid} className="partner-feedback-item" data-testid={`partner-feedback-${partner.uid}`}>
            <PartnerFeedbackForm classId={item.id} partner={partner} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PartnerFeedbackForm({ classId, partner }: { classId: string; partner: PartnerFeedbackPrompt }) {
  const [showedUp, setShowedUp] = useState<boolean | null>(null);
  const [trainAgain, setTrainAgain] = useState<boolean | null>(null);
  const [tags, setTags] = useState<PartnerFeedbackTag[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [given, setGiven] = useState(partner.given);
  const name = partner.displayName;

  if (given) {
    return (
      <p className="hint" data-testid={`partner-feedback-given-${partner.uid}`}>
        Thanks, your feedback on {name} is in. It stays between you and Numina.
      </p>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (showedUp === null) {
      setError(`Tell us whether ${name} showed up.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await submitPartnerFeedback({
        classId,
        subjectUid: partner.uid,
        showedUp,
        trainAgain: showedUp ? trainAgain : null,
        tags: showedUp ? tags : [],
      });
      setGiven(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (tag: PartnerFeedbackTag) =>
    setTags((current) => (current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag]));

  return (
    <form className="stack" aria-label={`Feedback on ${name}`} onSubmit={(e) => void submit(e)}>
      <strong>{name}</strong>
      <YesNo
        legend={`Did ${name} show up?`}
        name={`showed-${partner.uid}`}
        value={showedUp}
        onChange={setShowedUp}
        disabled={busy}
        testId={`pf-showed-${partner.uid}`}
      />
      {showedUp && (
        <>
          <YesNo
            legend={`Would you train with ${name} again?`}
            name={`again-${partner.uid}`}
            value={trainAgain}
            onChange={setTrainAgain}
            disabled={busy}
            testId={`pf-again-${partner.uid}`}
          />
          <div className="chips" role="group" aria-label={`What stood out about ${name} (optional)`}>
            {PARTNER_FEEDBACK_TAGS.map((tag) => (
              <button
                key={tag}
                type="button"
                className={`chip${tags.includes(tag) ? " chip-selected" : ""}`}
                aria-pressed={tags.includes(tag)}
                disabled={busy}
                data-testid={`pf-tag-${partner.uid}-${tag}`}
                onClick={() => toggle(tag)}
              >
                {PARTNER_FEEDBACK_TAG_LABELS[tag]}
              </button>
            ))}
          </div>
        </>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="row">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          data-testid={`pf-submit-${partner.uid}`}
        >
          {busy ? "Sending…" : "Send privately"}
        </button>
        <span className="hint">Final once sent.</span>
      </div>
    </form>
  );
}

function YesNo({
  legend,
  name,
  value,
  onChange,
  disabled,
  testId,
}: {
  legend: string;
  name: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  disabled: boolean;
  testId: string;
}) {
  return (
    <fieldset className="yes-no" disabled={disabled}>
      <legend>{legend}</legend>
      {[true, false].map((option) => (
        <label key={String(option)} className="yes-no-option">
          <input
            type="radio"
            name={name}
            checked={value === option}
            onChange={() => onChange(option)}
            data-testid={`${testId}-${option ? "yes" : "no"}`}
          />
          {option ? "Yes" : "No"}
        </label>
      ))}
    </fieldset>
  );
}
