import { useMemo, useState } from "react";
import { distanceBetween } from "geofire-common";
import { FITNESS_LEVELS, INTERESTS, cityById, type FitnessClass } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { useSettings } from "../profile/hooks";
import { useNowMinute } from "../shared/hooks";
import { Alert, CityOptions, Spinner, VocabularyOptions } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { ClassCard } from "./ClassCard";
import type { ClassItem } from "./classesStore";
import { useUpcomingClasses } from "./hooks";
import { useRatingSummaries } from "../reviews/hooks";
import { MIN_RATINGS, byRatingDescending, meetsMinRating } from "../reviews/ratings";
import { browserTimeZone, dayKey, dayLabel, nextDays } from "../shared/time";

const DAYS_AHEAD = 14;
const DISTANCES_KM = [2, 5, 10, 25] as const;

interface Filters {
  day: string;
  city: string;
  level: string;
  tag: string;
  maxKm: string;
  minRating: string;
}

type Sort = "soonest" | "rating";

const NO_FILTERS: Filters = { day: "", city: "", level: "", tag: "", maxKm: "", minRating: "" };

/** Ratings belong to a series: every class of a weekly series shows what its earlier ones earned. */
const seriesOf = (item: ClassItem): string => item.data.seriesId ?? item.id;

function cityZone(city: string): string {
  return cityById(city)?.timeZone ?? browserTimeZone();
}

function distanceKm(data: FitnessClass, from: { lat: number; lng: number } | null): number | null {
  return from ? distanceBetween([from.lat, from.lng], [data.location.lat, data.location.lng]) : null;
}

export function ClassesPage() {
  const { session, profile } = useReadyProfile();
  const settings = useSettings(session.uid);
  const nowMs = useNowMinute();
  const classes = useUpcomingClasses(nowMs);
  const [filters, setFilters] = useState<Filters>({ ...NO_FILTERS, city: profile.city ?? "" });
  const [sort, setSort] = useState<Sort>("soonest");
  const ratings = useRatingSummaries("series", classes.status === "ready" ? classes.value.map(seriesOf) : []);
  const set = (key: keyof Filters, value: string) => setFilters((current) => ({ ...current, [key]: value }));

  const myPoint = settings.status === "ready" && settings.value?.location ? settings.value.location : null;
  const filterZone = filters.city ? cityZone(filters.city) : browserTimeZone();
  const days = useMemo(() => nextDays(nowMs, filterZone, DAYS_AHEAD), [nowMs, filterZone]);

  const visible = useMemo(() => {
    if (classes.status !== "ready") return [];
    return classes.value
      .filter(({ data }) => data.status === "scheduled")
      .map((item) => ({ item, km: distanceKm(item.data, myPoint) }))
      .filter(({ item: { data }, km }) => {
        if (filters.city && data.city !== filters.city) return false;
        if (filters.level && data.level !== filters.level) return false;
        if (filters.tag && !(data.tags as readonly string[]).includes(filters.tag)) return false;
        if (filters.day && dayKey(data.startsAt.toMillis(), cityZone(data.city)) !== filters.day) return false;
        if (filters.maxKm && km !== null && km > Number(filters.maxKm)) return false;
        return true;
      })
      .filter(
        ({ item }) => !filters.minRating || meetsMinRating(ratings.get(seriesOf(item)), Number(filters.minRating)),
      );
  }, [classes, filters, myPoint, ratings]);

  const groups = useMemo(() => {
    const byDay = new Map<string, { label: string; rows: { item: ClassItem; km: number | null }[] }>();
    for (const row of visible) {
      const ms = row.item.data.startsAt.toMillis();
      const zone = cityZone(row.item.data.city);
      const key = dayKey(ms, zone);
      const group = byDay.get(key) ?? { label: dayLabel(ms, zone, nowMs), rows: [] };
      group.rows.push(row);
      byDay.set(key, group);
    }
    // Days stay in order; "top rated" orders the classes within each day.
    if (sort === "rating") {
      for (const group of byDay.values()) {
        group.rows.sort((a, b) => byRatingDescending(ratings.get(seriesOf(a.item)), ratings.get(seriesOf(b.item))));
      }
    }
    return [...byDay.entries()];
  }, [visible, nowMs, sort, ratings]);

  const people = usePeople(visible.map(({ item }) => item.data.instructorId));
  // The default city is a filter too: "Show all classes" widens the search to every city.
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Classes</p>
        <h1>Find a class</h1>
        <p className="muted">Group sessions run by Numina instructors. Times are shown in each class's city.</p>
      </header>

      <form className="card filters" aria-label="Filter classes" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-day">Day</label>
          <select id="filter-day" value={filters.day} onChange={(e) => set("day", e.target.value)}>
            <option value="">Next {DAYS_AHEAD} days</option>
            {days.map((day) => (
              <option key={day.key} value={day.key}>
                {day.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-city">City</label>
          <select id="filter-city" value={filters.city} onChange={(e) => set("city", e.target.value)}>
            <option value="">All cities</option>
            <CityOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-level">Level</label>
          <select id="filter-level" value={filters.level} onChange={(e) => set("level", e.target.value)}>
            <option value="">Any level</option>
            <VocabularyOptions values={FITNESS_LEVELS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-tag">Activity</label>
          <select id="filter-tag" value={filters.tag} onChange={(e) => set("tag", e.target.value)}>
            <option value="">Any activity</option>
            <VocabularyOptions values={INTERESTS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-distance">Distance</label>
          <select
            id="filter-distance"
            value={filters.maxKm}
            disabled={!myPoint}
            aria-describedby="filter-distance-hint"
            onChange={(e) => set("maxKm", e.target.value)}
          >
            <option value="">Any distance</option>
            {DISTANCES_KM.map((km) => (
              <option key={km} value={km}>
                Within {km} km
              </option>
            ))}
          </select>
          {!myPoint && settings.status !== "loading" && (
            <p id="filter-distance-hint" className="hint">
              Set your location on your profile to see distances.
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="filter-rating">Rating</label>
          <select
            id="filter-rating"
            value={filters.minRating}
            onChange={(e) => set("minRating", e.target.value)}
            data-testid="filter-rating"
          >
            <option value="">Any rating</option>
            {MIN_RATINGS.map((min) => (
              <option key={min} value={min}>
                {min}★ and up
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort-classes">Sort</label>
          <select
            id="sort-classes"
            value={sort}
            onChange={(e) => setSort(e.target.value as Sort)}
            data-testid="sort-classes"
          >
            <option value="soonest">Soonest first</option>
            <option value="rating">Top rated each day</option>
          </select>
        </div>
      </form>

      {classes.status === "loading" && <Spinner label="Loading classes…" />}
      {classes.status === "error" && (
        <Alert kind="error" testId="classes-error">
          {classes.message}
        </Alert>
      )}
      {classes.status === "ready" && groups.length === 0 && (
        <section className="card empty-state" data-testid="classes-empty">
          <h2 className="card-title">No classes match</h2>
          <p className="muted">
            {filtered
              ? "Try another day, level, activity or rating."
              : "Nothing is scheduled here yet. Check back soon."}
          </p>
          {filtered && (
            <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
              Show all classes
            </button>
          )}
        </section>
      )}
      {groups.map(([key, group]) => (
        <section key={key} className="day-group" aria-labelledby={`day-${key}`}>
          <h2 id={`day-${key}`} className="day-heading">
            {group.label}
          </h2>
          <div className="class-list">
            {group.rows.map(({ item, km }) => (
              <ClassCard
                key={item.id}
                item={item}
                instructorName={people[item.data.instructorId]}
                distanceKm={km}
                rating={ratings.get(seriesOf(item))}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
