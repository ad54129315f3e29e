/** Words for reasons ("HIIT and yoga", "Tuesday evenings"). Pure. */
const ACRONYMS: Record<string, string> = { hiit: "HIIT" };
const DAY_NAMES: Record<string, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
const PART_NAMES: Record<string, string> = {
  morning: "mornings",
  midday: "middays",
  afternoon: "afternoons",
  evening: "evenings",
};

export function interestLabel(interest: string): string {
  return ACRONYMS[interest] ?? interest.replace(/-/g, " ");
}

/** "HIIT", "HIIT and yoga", "HIIT, yoga and 2 more". */
export function interestPhrase(interests: readonly string[]): string {
  const labels = interests.map(interestLabel);
  if (labels.length <= 1) return labels[0] ?? "";
  if (labels.length === 2) return `${labels[0]} and ${labels[1]}`;
  return `${labels[0]}, ${labels[1]} and ${labels.length - 2} more`;
}

/** "Tuesday evenings", "Tuesday evenings and 3 more slots". */
export function dayPartPhrase(slots: readonly string[]): string {
  const [first, ...rest] = slots;
  if (!first) return "";
  const [day = "", part = ""] = first.split(":");
  const phrase = `${DAY_NAMES[day] ?? day} ${PART_NAMES[part] ?? part}`;
  return rest.length === 0 ? phrase : `${phrase} and ${rest.length} more slot${rest.length === 1 ? "" : "s"}`;
}
