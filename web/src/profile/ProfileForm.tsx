/**
 * The profile editor used by onboarding and the profile page. It validates with the shared
 * profileEditSchema (the same constraints firestore.rules enforces) before anything is written.
 */
import { useState, type FormEvent } from "react";
import {
  DAY_PARTS,
  FITNESS_LEVELS,
  INTERESTS,
  PROFILE_LIMITS,
  WEEKDAYS,
  cityById,
  profileEditSchema,
  type AvailabilitySlot,
  type CityId,
  type ExactLocation,
  type FitnessLevel,
  type Interest,
  type ProfileEdit,
  type UserProfile,
} from "@numina/model";
import { errorMessage } from "../shared/errors";
import { Field, FieldError, FormProblems } from "../shared/Field";
import { fieldErrors, type FieldErrors } from "../shared/fieldErrors";
import { humanize } from "../shared/format";
import { Alert, CityOptions, VocabularyOptions } from "../shared/ui";
import { saveProfile, type LatLng } from "./profileStore";

type FieldName = "displayName" | "bio" | "fitnessLevel" | "interests" | "city" | "location" | "availability";

/** Where each part of profileEditSchema is shown. */
const FIELD_AT: Record<string, FieldName> = {
  displayName: "displayName",
  bio: "bio",
  fitnessLevel: "fitnessLevel",
  interests: "interests",
  city: "city",
  availability: "availability",
};

const FIELD_MESSAGES: Record<FieldName, string> = {
  displayName: `Enter your name (up to ${PROFILE_LIMITS.displayNameMax} characters).`,
  bio: `Keep your bio under ${PROFILE_LIMITS.bioMax} characters.`,
  fitnessLevel: "Choose your fitness level.",
  interests: `Pick up to ${PROFILE_LIMITS.interestsMax} interests.`,
  city: "Choose your city.",
  location: "Choose a city or share your location.",
  availability: "Choose valid time slots.",
};

const WEEKDAY_LABEL: Record<(typeof WEEKDAYS)[number], string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

type LocationChoice = { source: "device"; point: LatLng } | { source: "city" };

interface FormValues {
  displayName: string;
  bio: string;
  fitnessLevel: FitnessLevel;
  interests: Interest[];
  city: CityId | "";
  availability: AvailabilitySlot[];
  location: LocationChoice;
}

function initialValues(profile: UserProfile, savedLocation: ExactLocation | null): FormValues {
  const city = profile.city ? cityById(profile.city) : undefined;
  // A saved point other than the city's centre came from the device; keep offering it.
  const fromDevice =
    savedLocation !== null && (!city || savedLocation.lat !== city.lat || savedLocation.lng !== city.lng);
  return {
    displayName: profile.displayName,
    bio: profile.bio,
    fitnessLevel: profile.fitnessLevel,
    interests: profile.interests,
    city: profile.city ?? "",
    availability: profile.availability,
    location: fromDevice
      ? { source: "device", point: { lat: savedLocation.lat, lng: savedLocation.lng } }
      : { source: "city" },
  };
}

export interface ProfileFormProps {
  uid: string;
  profile: UserProfile;
  savedLocation: ExactLocation | null;
  submitLabel: string;
  onSaved?: () => void;
}

export function ProfileForm({ uid, profile, savedLocation, submitLabel, onSaved }: ProfileFormProps) {
  const [values, setValues] = useState<FormValues>(() => initialValues(profile, savedLocation));
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [saveError, setSaveError] = useState<string | null>(null);

  const update = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (status === "saved") setStatus("idle");
  };

  function pointFor(form: FormValues): LatLng | null {
    if (form.location.source === "device") return form.location.point;
    const city = form.city ? cityById(form.city) : undefined;
    return city ? { lat: city.lat, lng: city.lng } : null;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const point = pointFor(values);
    const candidate: ProfileEdit = {
      displayName: values.displayName,
      bio: values.bio,
      fitnessLevel: values.fitnessLevel,
      interests: values.interests,
      city: values.city || null,
      availability: values.availability,
      photoURL: profile.photoURL,
      onboardingComplete: true,
    };
    const parsed = profileEditSchema.safeParse(candidate);
    const found = fieldErrors(parsed.error, FIELD_AT, FIELD_MESSAGES);
    // The schema allows a null city (accounts start without one); a finished profile needs one.
    if (!values.city) found.city = FIELD_MESSAGES.city;
    if (!point) found.location = FIELD_MESSAGES.location;
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0 || !point) return;

    setStatus("saving");
    setSaveError(null);
    try {
      await saveProfile(uid, parsed.data, point, savedLocation);
      setStatus("saved");
      onSaved?.();
    } catch (err) {
      setSaveError(errorMessage(err));
      setStatus("idle");
    }
  }

  return (
    <form className="profile-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Profile">
      <FormProblems errors={errors} />

      <section className="card form-section" aria-labelledby="about-heading">
        <h2 id="about-heading" className="card-title">
          About you
        </h2>
        <Field id="profile-name" label="Name" error={errors.displayName}>
          {(control) => (
            <input
              {...control}
              autoComplete="name"
              maxLength={PROFILE_LIMITS.displayNameMax + 20}
              value={values.displayName}
              onChange={(e) => update("displayName", e.target.value)}
            />
          )}
        </Field>
        <Field id="profile-bio" label="Bio" hint={`${values.bio.length}/${PROFILE_LIMITS.bioMax}`} error={errors.bio}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              placeholder="What do you train for? What kind of partner are you looking for?"
              value={values.bio}
              onChange={(e) => update("bio", e.target.value)}
            />
          )}
        </Field>
        <Field id="profile-level" label="Fitness level" error={errors.fitnessLevel}>
          {(control) => (
            <select
              {...control}
              value={values.fitnessLevel}
              onChange={(e) => update("fitnessLevel", e.target.value as FitnessLevel)}
            >
              <VocabularyOptions values={FITNESS_LEVELS} />
            </select>
          )}
        </Field>
      </section>

      <section className="card form-section" aria-labelledby="interests-heading">
        <h2 id="interests-heading" className="card-title">
          Interests{" "}
          <span className="hint">
            ({values.interests.length}/{PROFILE_LIMITS.interestsMax})
          </span>
        </h2>
        <div
          className="chips"
          role="group"
          aria-labelledby="interests-heading"
          aria-describedby="profile-interests-error"
        >
          {INTERESTS.map((interest) => {
            const selected = values.interests.includes(interest);
            const full = values.interests.length >= PROFILE_LIMITS.interestsMax;
            return (
              <button
                key={interest}
                type="button"
                className={`chip${selected ? " chip-selected" : ""}`}
                aria-pressed={selected}
                disabled={!selected && full}
                data-testid={`interest-${interest}`}
                onClick={() =>
                  update(
                    "interests",
                    selected ? values.interests.filter((i) => i !== interest) : [...values.interests, interest],
                  )
                }
              >
                {humanize(interest)}
              </button>
            );
          })}
        </div>
        <FieldError id="profile-interests-error" message={errors.interests} />
      </section>

      <section className="card form-section" aria-labelledby="where-heading">
        <h2 id="where-heading" className="card-title">
          Where you train
        </h2>
        <Field id="profile-city" label="City" error={errors.city}>
          {(control) => (
            <select {...control} value={values.city} onChange={(e) => update("city", e.target.value as CityId | "")}>
              <option value="">Choose a city…</option>
              <CityOptions />
            </select>
          )}
        </Field>
        <LocationPicker
          choice={values.location}
          cityName={values.city ? (cityById(values.city)?.name ?? null) : null}
          onChange={(choice) => update("location", choice)}
        />
        <FieldError id="profile-location-error" message={errors.location} />
      </section>

      <section className="card form-section" aria-labelledby="availability-heading">
        <h2 id="availability-heading" className="card-title">
          When you're free to train
        </h2>
        <AvailabilityGrid value={values.availability} onChange={(slots) => update("availability", slots)} />
        <FieldError id="profile-availability-error" message={errors.availability} />
      </section>

      {saveError && (
        <Alert kind="error" testId="save-error">
          We couldn't save your profile: {saveError}
        </Alert>
      )}
      {status === "saved" && (
        <Alert kind="success" testId="save-success">
          Your profile is saved.
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-large" disabled={status === "saving"}>
          {status === "saving" ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}

function LocationPicker({
  choice,
  cityName,
  onChange,
}: {
  choice: LocationChoice;
  cityName: string | null;
  onChange: (choice: LocationChoice) => void;
}) {
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supported = typeof navigator !== "undefined" && "geolocation" in navigator;

  function locate() {
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange({ source: "device", point: { lat: position.coords.latitude, lng: position.coords.longitude } });
      },
      (failure) => {
        setLocating(false);
        setError(
          failure.code === failure.PERMISSION_DENIED
            ? "Location access was denied. We'll use your city's centre instead."
            : "We couldn't get your location. We'll use your city's centre instead.",
        );
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <div className="location-picker">
      <p className="muted" data-testid="location-status">
        {choice.source === "device"
          ? "Using your current location."
          : cityName
            ? `Using the centre of ${cityName}.`
            : "Choose a city, or share your current location."}{" "}
        Others only ever see your approximate area (about 5 km).
      </p>
      <div className="row">
        {supported && (
          <button type="button" className="button" onClick={locate} disabled={locating}>
            {locating ? "Locating…" : "Use my current location"}
          </button>
        )}
        {choice.source === "device" && (
          <button type="button" className="link-button" onClick={() => onChange({ source: "city" })}>
            Use the city centre instead
          </button>
        )}
      </div>
      {error && <Alert kind="warning">{error}</Alert>}
    </div>
  );
}

function AvailabilityGrid({
  value,
  onChange,
}: {
  value: AvailabilitySlot[];
  onChange: (slots: AvailabilitySlot[]) => void;
}) {
  const selected = new Set(value);
  const toggle = (slot: AvailabilitySlot) =>
    onChange(selected.has(slot) ? value.filter((s) => s !== slot) : [...value, slot]);

  return (
    <div className="availability-scroll">
      <table className="availability">
        <caption className="visually-hidden">Weekly availability</caption>
        <thead>
          <tr>
            <td />
            {DAY_PARTS.map((part) => (
              <th key={part} scope="col">
                {humanize(part)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day) => (
            <tr key={day}>
              <th scope="row">
                <abbr title={WEEKDAY_LABEL[day]}>{humanize(day)}</abbr>
              </th>
              {DAY_PARTS.map((part) => {
                const slot: AvailabilitySlot = `${day}:${part}`;
                const on = selected.has(slot);
                return (
                  <td key={part}>
                    <button
                      type="button"
                      className={`slot${on ? " slot-on" : ""}`}
                      aria-pressed={on}
                      aria-label={`${WEEKDAY_LABEL[day]} ${part}`}
                      data-testid={`slot-${slot}`}
                      onClick={() => toggle(slot)}
                    >
                      <span aria-hidden="true">{on ? "✓" : ""}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
