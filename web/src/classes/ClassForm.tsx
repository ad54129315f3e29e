/**
 * Create or edit a class. Checks the values with the shared classEditSchema (the constraints
 * firestore.rules enforces) before anything is written. Times are entered as wall-clock time in
 * the class's city, whatever the instructor's own time zone.
 */
import { useState, type FormEvent } from "react";
import {
  CITIES,
  FITNESS_LEVELS,
  INTERESTS,
  cityById,
  type CityId,
  type FitnessClass,
  type FitnessLevel,
  type Interest,
} from "@numina/model";
import { errorMessage } from "../shared/errors";
import { Field, FieldError, FormProblems, type ControlProps } from "../shared/Field";
import { fieldErrors, type FieldErrors } from "../shared/fieldErrors";
import { humanize } from "../shared/format";
import { Alert, CityOptions, VocabularyOptions } from "../shared/ui";
import { checkClassInput, createClass, updateClass, type ClassInput } from "./classesStore";
import { msToZonedInput, zoneAbbreviation, zonedInputToMs } from "../shared/time";

const MAX_TAGS = 10;

interface FormValues {
  title: string;
  description: string;
  tags: Interest[];
  level: FitnessLevel;
  city: CityId;
  startsAt: string;
  durationMinutes: string;
  venueName: string;
  address: string;
  lat: string;
  lng: string;
  capacity: string;
  repeatWeeks: string;
}

type FieldName = keyof FormValues;

/** A blank box is no number (NaN fails the schema), not zero. */
function numberFrom(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

function zoneOf(city: string): string {
  return cityById(city)?.timeZone ?? "UTC";
}

function defaults(city: CityId): FormValues {
  const centre = cityById(city) ?? CITIES[0];
  // Tomorrow at 18:00 in the city: a sensible first guess that is always in the future.
  const tomorrow = msToZonedInput(Date.now() + 24 * 3_600_000, zoneOf(city)).slice(0, 10);
  return {
    title: "",
    description: "",
    tags: [],
    level: "beginner",
    city,
    startsAt: `${tomorrow}T18:00`,
    durationMinutes: "60",
    venueName: "",
    address: "",
    lat: String(centre.lat),
    lng: String(centre.lng),
    capacity: "12",
    repeatWeeks: "0",
  };
}

function fromClass(data: FitnessClass): FormValues {
  return {
    title: data.title,
    description: data.description,
    tags: [...data.tags],
    level: data.level,
    city: data.city,
    startsAt: msToZonedInput(data.startsAt.toMillis(), zoneOf(data.city)),
    durationMinutes: String(data.durationMinutes),
    venueName: data.location.name,
    address: data.location.address,
    lat: String(data.location.lat),
    lng: String(data.location.lng),
    capacity: String(data.capacity),
    repeatWeeks: "0",
  };
}

/** Where each part of classEditSchema is shown on the form. */
const FIELD_AT: Record<string, FieldName> = {
  title: "title",
  description: "description",
  tags: "tags",
  level: "level",
  city: "city",
  startsAt: "startsAt",
  durationMinutes: "durationMinutes",
  capacity: "capacity",
  "location.name": "venueName",
  "location.address": "address",
  "location.lat": "lat",
  "location.lng": "lng",
};

export type ClassFormProps =
  | { mode: "create"; instructorId: string; defaultCity: CityId; onSaved: (classId: string) => void }
  | { mode: "edit"; classId: string; current: FitnessClass; onSaved: (classId: string) => void };

export function ClassForm(props: ClassFormProps) {
  const [values, setValues] = useState<FormValues>(() =>
    props.mode === "edit" ? fromClass(props.current) : defaults(props.defaultCity),
  );
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const confirmed = props.mode === "edit" ? props.current.confirmedCount : 0;
  const zone = zoneOf(values.city);

  const update = <K extends FieldName>(key: K, value: FormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  function changeCity(city: CityId) {
    const centre = cityById(city);
    setValues((current) => {
      // A venue still at the old city's centre moves with the city; a chosen point stays.
      const oldCentre = cityById(current.city);
      const atCentre = oldCentre && Number(current.lat) === oldCentre.lat && Number(current.lng) === oldCentre.lng;
      return {
        ...current,
        city,
        ...(atCentre && centre ? { lat: String(centre.lat), lng: String(centre.lng) } : {}),
      };
    });
  }

  function validate(): { input: ClassInput; repeatWeeks: number } | null {
    const startsAtMs = zonedInputToMs(values.startsAt, zone);
    const lat = numberFrom(values.lat);
    const lng = numberFrom(values.lng);
    const input: ClassInput = {
      title: values.title,
      description: values.description,
      tags: values.tags,
      level: values.level,
      city: values.city,
      startsAtMs: startsAtMs ?? 0,
      durationMinutes: numberFrom(values.durationMinutes),
      venueName: values.venueName,
      address: values.address,
      lat,
      lng,
      capacity: numberFrom(values.capacity),
    };
    const instructorId = props.mode === "edit" ? props.current.instructorId : props.instructorId;
    const found = fieldErrors(checkClassInput(input, instructorId).error, FIELD_AT, MESSAGES);
    const timeChanged = props.mode === "create" || startsAtMs !== props.current.startsAt.toMillis();
    if (startsAtMs === null) found.startsAt = "Choose a date and time.";
    else if (timeChanged && startsAtMs <= Date.now()) found.startsAt = "Choose a time in the future.";
    if (Number.isInteger(input.capacity) && input.capacity < confirmed) {
      found.capacity = `At least ${confirmed}: that many members already have a seat.`;
    }
    const repeatWeeks = Number(values.repeatWeeks);
    if (props.mode === "create" && !(Number.isInteger(repeatWeeks) && repeatWeeks >= 0 && repeatWeeks <= 12)) {
      found.repeatWeeks = MESSAGES.repeatWeeks;
    }
    setErrors(found);
    return Object.keys(found).length === 0 ? { input, repeatWeeks } : null;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const valid = validate();
    if (!valid) return;
    setSaving(true);
    setSaveError(null);
    try {
      if (props.mode === "create") {
        props.onSaved(await createClass(props.instructorId, valid.input, valid.repeatWeeks));
      } else {
        await updateClass(props.classId, valid.input, props.current);
        props.onSaved(props.classId);
      }
    } catch (err) {
      setSaveError(errorMessage(err));
      setSaving(false);
    }
  }

  const startsAtPreview = zonedInputToMs(values.startsAt, zone);
  const cityName = cityById(values.city)?.name;
  const textInput = (field: "title" | "venueName" | "address" | "lat" | "lng", numeric = false) =>
    function renderInput(control: ControlProps) {
      return (
        <input
          {...control}
          inputMode={numeric ? "decimal" : undefined}
          value={values[field]}
          onChange={(e) => update(field, e.target.value)}
        />
      );
    };

  return (
    <form className="profile-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Class">
      <FormProblems errors={errors} />

      <section className="card form-section" aria-labelledby="class-about-heading">
        <h2 id="class-about-heading" className="card-title">
          About the class
        </h2>
        <Field id="class-title" label="Title" error={errors.title}>
          {textInput("title")}
        </Field>
        <Field id="class-description" label="Description" error={errors.description}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              placeholder="What will you do? What should people bring?"
              value={values.description}
              onChange={(e) => update("description", e.target.value)}
            />
          )}
        </Field>
        <div className="form-row">
          <Field id="class-level" label="Level" error={errors.level}>
            {(control) => (
              <select
                {...control}
                value={values.level}
                onChange={(e) => update("level", e.target.value as FitnessLevel)}
              >
                <VocabularyOptions values={FITNESS_LEVELS} />
              </select>
            )}
          </Field>
          <Field
            id="class-capacity"
            label="Capacity"
            hint={
              confirmed > 0
                ? `${confirmed} ${confirmed === 1 ? "member has" : "members have"} a seat, so at least ${confirmed}.`
                : "Up to 500 seats."
            }
            error={errors.capacity}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={Math.max(1, confirmed)}
                max={500}
                value={values.capacity}
                onChange={(e) => update("capacity", e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="field">
          <span className="label" id="class-tags-label">
            Activities{" "}
            <span className="hint">
              ({values.tags.length}/{MAX_TAGS})
            </span>
          </span>
          <div
            className="chips"
            role="group"
            aria-labelledby="class-tags-label"
            aria-describedby={errors.tags ? "class-tags-error" : undefined}
          >
            {INTERESTS.map((tag) => {
              const selected = values.tags.includes(tag);
              return (
                <button
                  key={tag}
                  type="button"
                  className={`chip${selected ? " chip-selected" : ""}`}
                  aria-pressed={selected}
                  disabled={!selected && values.tags.length >= MAX_TAGS}
                  onClick={() =>
                    update("tags", selected ? values.tags.filter((t) => t !== tag) : [...values.tags, tag])
                  }
                >
                  {humanize(tag)}
                </button>
              );
            })}
          </div>
          <FieldError id="class-tags-error" message={errors.tags} />
        </div>
      </section>

      <section className="card form-section" aria-labelledby="class-when-heading">
        <h2 id="class-when-heading" className="card-title">
          When and where
        </h2>
        <div className="form-row form-row-when">
          <Field id="class-city" label="City" error={errors.city}>
            {(control) => (
              <select {...control} value={values.city} onChange={(e) => changeCity(e.target.value as CityId)}>
                <CityOptions />
              </select>
            )}
          </Field>
          <Field
            id="class-starts"
            label={`Starts (${cityName} time)`}
            hint={
              <>
                Local time in {cityName}
                {startsAtPreview !== null && ` (${zoneAbbreviation(startsAtPreview, zone)})`}, wherever you are now.
              </>
            }
            error={errors.startsAt}
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={values.startsAt}
                onChange={(e) => update("startsAt", e.target.value)}
              />
            )}
          </Field>
          <Field id="class-duration" label="Duration (minutes)" error={errors.durationMinutes}>
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={10}
                max={480}
                step={5}
                value={values.durationMinutes}
                onChange={(e) => update("durationMinutes", e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field id="class-venue" label="Venue" error={errors.venueName}>
            {textInput("venueName")}
          </Field>
          <Field id="class-address" label="Address" error={errors.address}>
            {textInput("address")}
          </Field>
        </div>
        <div className="form-row">
          <Field id="class-lat" label="Latitude" error={errors.lat}>
            {textInput("lat", true)}
          </Field>
          <Field id="class-lng" label="Longitude" error={errors.lng}>
            {textInput("lng", true)}
          </Field>
        </div>
        <p className="hint">
          The point members measure their distance to. It starts at the centre of the city; paste the venue's
          coordinates from a map for a better distance.
        </p>
        {props.mode === "create" && (
          <Field
            id="class-repeat"
            label="Repeat weekly"
            hint="Each week becomes its own class with its own roster, which you can edit or cancel on its own."
            error={errors.repeatWeeks}
          >
            {(control) => (
              <select {...control} value={values.repeatWeeks} onChange={(e) => update("repeatWeeks", e.target.value)}>
                <option value="0">Just this once</option>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((weeks) => (
                  <option key={weeks} value={weeks}>
                    For {weeks} more {weeks === 1 ? "week" : "weeks"}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </section>

      {saveError && (
        <Alert kind="error" testId="class-save-error">
          {saveError}
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-large" disabled={saving}>
          {saving ? "Saving…" : props.mode === "create" ? "Create class" : "Save changes"}
        </button>
      </div>
    </form>
  );
}

const MESSAGES: Record<FieldName, string> = {
  title: "Enter a title (up to 120 characters).",
  description: "Keep the description under 2000 characters.",
  tags: `Pick up to ${MAX_TAGS} activities.`,
  level: "Choose a level.",
  city: "Choose a city.",
  startsAt: "Choose a date and time.",
  durationMinutes: "Enter a duration between 10 and 480 minutes.",
  venueName: "Enter the venue's name.",
  address: "Keep the address under 240 characters.",
  lat: "Enter a latitude between -90 and 90.",
  lng: "Enter a longitude between -180 and 180.",
  capacity: "Enter a capacity between 1 and 500.",
  repeatWeeks: "Choose up to 12 weeks.",
};
