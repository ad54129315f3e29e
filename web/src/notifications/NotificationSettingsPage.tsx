import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import {
  DEFAULT_CHANNELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  quietHoursSchema,
  type ChannelSwitches,
  type NotificationChannel,
  type NotificationPreferences,
  type NotificationType,
} from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { errorMessage } from "../shared/errors";
import { Field } from "../shared/Field";
import { fieldErrors, type FieldErrors } from "../shared/fieldErrors";
import { Alert, Spinner } from "../shared/ui";
import { useNotificationPreferences } from "./hooks";
import { savePreferences } from "./notificationsStore";
import { minutesToTime, timeToMinutes } from "./quietHours";
import { disablePush, enablePush, pushAvailability } from "./pushService";

const TYPE_LABEL: Record<NotificationType, string> = {
  match: "New matches",
  super_like: "Super likes",
  message: "Messages (email: weekly digest)",
  waitlist_promoted: "A waitlist seat is yours",
  class_reminder: "Class reminders",
  class_cancelled: "Class cancellations",
  role_changed: "Account role changes",
  review_prompt: "Rate classes you attended",
  privacy: "Your data: exports and account deletion",
  connection: "Followers and friend requests",
  kudos: "Kudos on your activity",
  comment: "Comments on your activity",
};
const CHANNEL_LABEL: Record<NotificationChannel, string> = { inApp: "In app", push: "Push", email: "Email" };

type QuietField = "start" | "end";
const QUIET_FIELD_AT: Record<string, QuietField> = { start: "start", end: "end" };
const QUIET_MESSAGES: Record<QuietField, string> = { start: "Choose a start time.", end: "Choose an end time." };

export function NotificationSettingsPage() {
  const { session } = useReadyProfile();
  const prefs = useNotificationPreferences(session.uid);
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Settings</p>
        <h1>Notifications</h1>
        <p className="muted">
          Choose how Numina tells you about each thing. <Link to="/notifications">Back to notifications</Link>
        </p>
      </header>
      {prefs.status === "loading" && <Spinner label="Loading your settings…" />}
      {prefs.status === "error" && <Alert kind="error">{prefs.message}</Alert>}
      {prefs.status === "ready" && <PreferencesForm uid={session.uid} stored={prefs.value} />}
      <PushSection uid={session.uid} />
    </div>
  );
}

function PreferencesForm({ uid, stored }: { uid: string; stored: NotificationPreferences | null }) {
  const [channels, setChannels] = useState<Record<NotificationType, ChannelSwitches>>(() => ({
    ...DEFAULT_CHANNELS,
    ...stored?.channels,
  }));
  const [quiet, setQuiet] = useState(stored?.quietHours ?? null);
  const [errors, setErrors] = useState<FieldErrors<QuietField>>({});
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({
    kind: "idle",
  });

  const toggle = (type: NotificationType, channel: NotificationChannel) =>
    setChannels((current) => ({ ...current, [type]: { ...current[type], [channel]: !current[type][channel] } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = quiet ? quietHoursSchema.safeParse(quiet) : null;
    setErrors(fieldErrors(parsed?.error, QUIET_FIELD_AT, QUIET_MESSAGES));
    if (parsed && !parsed.success) return;
    setState({ kind: "saving" });
    savePreferences(uid, { channels, quietHours: quiet })
      .then(() => setState({ kind: "saved" }))
      .catch((error: unknown) => setState({ kind: "error", message: errorMessage(error) }));
  };

  return (
    <form className="card stack" onSubmit={submit} data-testid="notification-preferences">
      <table className="users-table">
        <thead>
          <tr>
            <th scope="col">Notify me about</th>
            {NOTIFICATION_CHANNELS.map((channel) => (
              <th key={channel} scope="col">
                {CHANNEL_LABEL[channel]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{TYPE_LABEL[type]}</th>
              {NOTIFICATION_CHANNELS.map((channel) => (
                <td key={channel}>
                  <input
                    type="checkbox"
                    checked={channels[type][channel]}
                    onChange={() => toggle(type, channel)}
                    data-testid={`pref-${type}-${channel}`}
                    aria-label={`${TYPE_LABEL[type]}: ${CHANNEL_LABEL[channel]}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <fieldset className="form-section">
        <legend>Quiet hours</legend>
        <label className="row">
          <input
            type="checkbox"
            checked={quiet !== null}
            data-testid="quiet-hours-enabled"
            onChange={() => setQuiet(quiet ? null : { start: 22 * 60, end: 7 * 60 })}
          />
          No push notifications at night, in your time zone
        </label>
        {quiet && (
          <div className="row">
            <Field id="quiet-start" label="From" error={errors.start}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={minutesToTime(quiet.start)}
                  onChange={(e) => setQuiet({ ...quiet, start: timeToMinutes(e.target.value) })}
                />
              )}
            </Field>
            <Field id="quiet-end" label="Until" error={errors.end}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={minutesToTime(quiet.end)}
                  onChange={(e) => setQuiet({ ...quiet, end: timeToMinutes(e.target.value) })}
                />
              )}
            </Field>
          </div>
        )}
        <p className="hint">
          During quiet hours, pushes about matches, waitlist seats and cancellations wait until the morning; reminders,
          messages and account changes are not pushed. In-app notices and emails are not held.
        </p>
      </fieldset>

      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={state.kind === "saving"}
          data-testid="save-preferences"
        >
          Save
        </button>
        {state.kind === "saved" && (
          <span className="text-success" role="status" data-testid="preferences-saved">
            Saved
          </span>
        )}
      </div>
      {state.kind === "error" && <Alert kind="error">{state.message}</Alert>}
    </form>
  );
}

function PushSection({ uid }: { uid: string }) {
  const availability = pushAvailability();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="card stack" data-testid="push-status">
      <h2 className="section-title">Push on this device</h2>
      {availability === "unconfigured" && (
        <p className="muted">
          Push notifications are not set up for this copy of Numina (it needs a Firebase project with Cloud Messaging
          and a web push key). Everything else works: notices appear here and by email.
        </p>
      )}
      {availability === "unsupported" && <p className="muted">This browser cannot receive push notifications.</p>}
      {availability === "denied" && (
        <p className="muted">Notifications are blocked for this site in your browser settings.</p>
      )}
      {availability === "available" && (
        <div className="row">
          <button
            type="button"
            className="button"
            onClick={() =>
              void enablePush(uid)
                .then((on) => setMessage(on ? "Push is on for this device." : "Push was not allowed."))
                .catch((e: unknown) => setMessage(errorMessage(e)))
            }
          >
            Turn on push
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void disablePush(uid)
                .then(() => setMessage("Push is off for this device."))
                .catch((e: unknown) => setMessage(errorMessage(e)))
            }
          >
            Turn off
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
