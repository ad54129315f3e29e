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
  classEditSchema,
  type CityId,
  type FitnessClass,
  type FitnessLevel,
  type Interest,
} from "@numina/model";
import { Timestamp } from "firebase/firestore";
import { errorMessage } from "../shared/errors";
import { Alert, FieldError, humanize, CityOptions, VocabularyOptions } from "../shared/ui";
import { createClass, updateClass, type ClassInput } from "./classesStore";
import { msToZonedInput, zoneAbbreviation, zonedInputToMs } from "./time";

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
type FieldErrors = Partial<Record<FieldName, string>>;

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

const SCHEMA_FIELD: Record<string, FieldName> = {
  title: "title",
  description: "description",
  tags: "tags",
  level: "level",
  city: "city",
  startsAt: "startsAt",
  durationMinutes: "durationMinutes",
  capacity: "capacity",
};

export type ClassFormProps =
  | { mode: "create"; instructorId: string; defaultCity: CityId; onSaved: (classId: string) => void }
  | { mode: "edit"; classId: string; current: FitnessClass; onSaved: (classId: string) => void };

export function ClassForm(props: ClassFormProps) {
  const [values, setValues] = useState<FormValues>(() =>
    props.mode === "edit" ? fromClass(props.current) : defaults(props.defaultCity),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
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
    const found: FieldErrors = {};
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
    const parsed = classEditSchema.safeParse({
      title: input.title,
      description: input.description,
      tags: input.tags,
      level: input.level,
      instructorId: props.mode === "edit" ? props.current.instructorId : props.instructorId,
      city: input.city,
      startsAt: Timestamp.fromMillis(input.startsAtMs),
      durationMinutes: input.durationMinutes,
      location: { name: input.venueName, address: input.address, lat, lng, geohash: "u" },
      capacity: input.capacity,
      status: "scheduled",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [head, sub] = issue.path;
        const field: FieldName | undefined =
          head === "location"
            ? sub === "name"
              ? "venueName"
              : sub === "address"
                ? "address"
                : sub === "lat"
                  ? "lat"
                  : sub === "lng"
                    ? "lng"
                    : undefined
            : SCHEMA_FIELD[String(head)];
        if (field && !found[field]) found[field] = MESSAGES[field];
      }
    }
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

  const errorCount = Object.keys(errors).length;
  const startsAtPreview = zonedInputToMs(values.startsAt, zone);

  return (
    <form className="profile-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Class">
      {errorCount > 0 && (
        <Alert kind="error" testId="form-errors">
          Please fix the highlighted {errorCount === 1 ? "field" : "fields"}.
        </Alert>
      )}

      <section className="card form-section" aria-labelledby="class-about-heading">
        <h2 id="class-about-heading" className="card-title">
          About the class
        </h2>
        <TextField id="class-title" label="Title" field="title" values={values} errors={errors} update={update} />
        <div className="field">
          <label htmlFor="class-description">Description</label>
          <textarea
            id="class-description"
            rows={3}
            placeholder="What will you do? What should people bring?"
            value={values.description}
            aria-invalid={Boolean(errors.description)}
            aria-describedby="class-description-error"
            onChange={(e) => update("description", e.target.value)}
          />
          <FieldError id="class-description-error" message={errors.description} />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="class-level">Level</label>
            <select
              id="class-level"
              value={values.level}
              onChange={(e) => update("level", e.target.value as FitnessLevel)}
            >
              <VocabularyOptions values={FITNESS_LEVELS} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="class-capacity">Capacity</label>
            <input
              id="class-capacity"
              type="number"
              inputMode="numeric"
              min={Math.max(1, confirmed)}
              max={500}
              value={values.capacity}
              aria-invalid={Boolean(errors.capacity)}
              aria-describedby="class-capacity-hint class-capacity-error"
              onChange={(e) => update("capacity", e.target.value)}
            />
            <p id="class-capacity-hint" className="hint">
              {confirmed > 0
                ? `${confirmed} ${confirmed === 1 ? "member has" : "members have"} a seat, so at least ${confirmed}.`
                : "Up to 500 seats."}
            </p>
            <FieldError id="class-capacity-error" message={errors.capacity} />
          </div>
        </div>
        <div className="field">
          <span className="label" id="class-tags-label">
            Activities{" "}
            <span className="hint">
              ({values.tags.length}/{MAX_TAGS})
            </span>
          </span>
          <div className="chips" role="group" aria-labelledby="class-tags-label">
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
        </div>
      </section>

      <section className="card form-section" aria-labelledby="class-when-heading">
        <h2 id="class-when-heading" className="card-title">
          When and where
        </h2>
        <div className="form-row form-row-when">
          <div className="field">
            <label htmlFor="class-city">City</label>
            <select id="class-city" value={values.city} onChange={(e) => changeCity(e.target.value as CityId)}>
              <CityOptions />
            </select>
          </div>
          <div className="field">
            <label htmlFor="class-starts">Starts ({cityById(values.city)?.name} time)</label>
            <input
              id="class-starts"
              type="datetime-local"
              value={values.startsAt}
              aria-invalid={Boolean(errors.startsAt)}
              aria-describedby="class-starts-hint class-starts-error"
              onChange={(e) => update("startsAt", e.target.value)}
            />
            <p id="class-starts-hint" className="hint">
              Local time in {cityById(values.city)?.name}
              {startsAtPreview !== null && ` (${zoneAbbreviation(startsAtPreview, zone)})`}, wherever you are now.
            </p>
            <FieldError id="class-starts-error" message={errors.startsAt} />
          </div>
          <div className="field">
            <label htmlFor="class-duration">Duration (minutes)</label>
            <input
              id="class-duration"
              type="number"
              inputMode="numeric"
              min={10}
              max={480}
              step={5}
              value={values.durationMinutes}
              aria-invalid={Boolean(errors.durationMinutes)}
              aria-describedby="class-duration-error"
              onChange={(e) => update("durationMinutes", e.target.value)}
            />
            <FieldError id="class-duration-error" message={errors.durationMinutes} />
          </div>
        </div>
        <div className="form-row">
          <TextField id="class-venue" label="Venue" field="venueName" values={values} errors={errors} update={update} />
          <TextField
            id="class-address"
            label="Address"
            field="address"
            values={values}
            errors={errors}
            update={update}
          />
        </div>
        <div className="form-row">
          <TextField
            id="class-lat"
            label="Latitude"
            field="lat"
            values={values}
            errors={errors}
            update={update}
            numeric
          />
          <TextField
            id="class-lng"
            label="Longitude"
            field="lng"
            values={values}
            errors={errors}
            update={update}
            numeric
          />
        </div>
        <p className="hint">
          The point members measure their distance to. It starts at the centre of the city; paste the venue's
          coordinates from a map for a better distance.
        </p>
        {props.mode === "create" && (
          <div className="field">
            <label htmlFor="class-repeat">Repeat weekly</label>
            <select
              id="class-repeat"
              value={values.repeatWeeks}
              aria-describedby="class-repeat-hint class-repeat-error"
              onChange={(e) => update("repeatWeeks", e.target.value)}
            >
              <option value="0">Just this once</option>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((weeks) => (
                <option key={weeks} value={weeks}>
                  For {weeks} more {weeks === 1 ? "week" : "weeks"}
                </option>
              ))}
            </select>
            <p id="class-repeat-hint" className="hint">
              Each week becomes its own class with its own roster, which you can edit or cancel on its own.
            </p>
            <FieldError id="class-repeat-error" message={errors.repeatWeeks} />
          </div>
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

function TextField({
  id,
  label,
  field,
  values,
  errors,
  update,
  numeric,
}: {
  id: string;
  label: string;
  field: "title" | "venueName" | "address" | "lat" | "lng";
  values: FormValues;
  errors: FieldErrors;
  update: (key: "title" | "venueName" | "address" | "lat" | "lng", value: string) => void;
  numeric?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode={numeric ? "decimal" : undefined}
        value={values[field]}
        aria-invalid={Boolean(errors[field])}
        aria-describedby={`${id}-error`}
        onChange={(e) => update(field, e.target.value)}
      />
      <FieldError id={`${id}-error`} message={errors[field]} />
    </div>
  );
}
