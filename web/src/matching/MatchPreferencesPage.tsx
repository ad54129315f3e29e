import { useEffect, useState, type FormEvent } from "react";
import {
  DEFAULT_MATCH_PREFERENCES,
  effectivePreferences,
  FITNESS_LEVELS,
  INTERESTS,
  MATCH_AUDIENCES,
  MAX_DISTANCE_LIMITS,
  matchPreferencesSchema,
  type MatchPreferences,
} from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { errorMessage } from "../shared/errors";
import { Field, FieldError, FormProblems } from "../shared/Field";
import { fieldErrors, type FieldErrors } from "../shared/fieldErrors";
import { humanize } from "../shared/format";
import { Alert, Spinner } from "../shared/ui";
import { loadPreferences, savePreferences } from "./matchingStore";

const AUDIENCE_LABEL: Record<(typeof MATCH_AUDIENCES)[number], string> = {
  everyone: "Everyone, instructors included",
  members_only: "Members only",
};

type FieldName = keyof MatchPreferences;
const FIELD_AT: Record<string, FieldName> = {
  discoverable: "discoverable",
  maxDistanceKm: "maxDistanceKm",
  fitnessLevels: "fitnessLevels",
  interests: "interests",
  audience: "audience",
};
const MESSAGES: Record<FieldName, string> = {
  discoverable: "Choose whether others can find you.",
  maxDistanceKm: `Choose between ${MAX_DISTANCE_LIMITS.min} and ${MAX_DISTANCE_LIMITS.max} km.`,
  fitnessLevels: "Choose levels from the list.",
  interests: "Choose interests from the list.",
  audience: "Choose who to see.",
};

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Who the member wants to see in Discover, and whether they can be found at all. */
export function MatchPreferencesPage() {
  const { session } = useReadyProfile();
  const [prefs, setPrefs] = useState<MatchPreferences | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});

  useEffect(() => {
    loadPreferences(session.uid)
      .then((doc) => setPrefs(effectivePreferences(doc)))
      .catch((e: unknown) => setMessage({ kind: "error", text: errorMessage(e) }));
  }, [session.uid]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!prefs) return;
    // The same schema setMatchPreferences and the matcher read the preferences with.
    const parsed = matchPreferencesSchema.safeParse(prefs);
    setErrors(fieldErrors(parsed.error, FIELD_AT, MESSAGES));
    if (!parsed.success) return;
    setSaving(true);
    setMessage(null);
    try {
      await savePreferences(prefs);
      setMessage({ kind: "success", text: "Saved. Discover will update in a moment." });
    } catch (error) {
      setMessage({ kind: "error", text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  if (!prefs) return message ? <Alert kind="error">{message.text}</Alert> : <Spinner label="Loading preferences…" />;
  const set = (change: Partial<MatchPreferences>) => setPrefs({ ...prefs, ...change });

  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">Matches</p>
        <h1>Match preferences</h1>
      </header>
      <form className="card profile-form" onSubmit={(e) => void submit(e)} aria-label="Match preferences">
        <FormProblems errors={errors} />
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={prefs.discoverable}
              data-testid="pref-discoverable"
              onChange={(e) => set({ discoverable: e.target.checked })}
            />{" "}
            Show me in Discover
          </label>
          <FieldError id="pref-discoverable-error" message={errors.discoverable} />
        </div>
        <Field id="pref-distance" label={`Maximum distance: ${prefs.maxDistanceKm} km`} error={errors.maxDistanceKm}>
          {(control) => (
            <input
              {...control}
              type="range"
              min={MAX_DISTANCE_LIMITS.min}
              max={MAX_DISTANCE_LIMITS.max}
              value={prefs.maxDistanceKm}
              onChange={(e) => set({ maxDistanceKm: Number(e.target.value) })}
            />
          )}
        </Field>
        <fieldset className="form-section">
          <legend>Levels I want to train with (none: any)</legend>
          <div className="chips">
            {FITNESS_LEVELS.map((level) => (
              <button
                key={level}
                type="button"
                aria-pressed={prefs.fitnessLevels.includes(level)}
                className={`chip${prefs.fitnessLevels.includes(level) ? " chip-selected" : ""}`}
                onClick={() => set({ fitnessLevels: toggle(prefs.fitnessLevels, level) })}
              >
                {humanize(level)}
              </button>
            ))}
          </div>
          <FieldError id="pref-levels-error" message={errors.fitnessLevels} />
        </fieldset>
        <fieldset className="form-section">
          <legend>Partners should share one of (none: any)</legend>
          <div className="chips">
            {INTERESTS.map((interest) => (
              <button
                key={interest}
                type="button"
                aria-pressed={prefs.interests.includes(interest)}
                className={`chip${prefs.interests.includes(interest) ? " chip-selected" : ""}`}
                onClick={() => set({ interests: toggle(prefs.interests, interest) })}
              >
                {humanize(interest)}
              </button>
            ))}
          </div>
          <FieldError id="pref-interests-error" message={errors.interests} />
        </fieldset>
        <Field id="pref-audience" label="Show me" error={errors.audience}>
          {(control) => (
            <select
              {...control}
              value={prefs.audience}
              onChange={(e) => set({ audience: e.target.value as MatchPreferences["audience"] })}
            >
              {MATCH_AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {AUDIENCE_LABEL[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {message && (
          <Alert kind={message.kind} testId="pref-message">
            {message.text}
          </Alert>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setPrefs(DEFAULT_MATCH_PREFERENCES)}>
            Reset to defaults
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="pref-save">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
