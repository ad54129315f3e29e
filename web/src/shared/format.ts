/** Words for values, as people read them. Pure. */

const ACRONYMS: Record<string, string> = { hiit: "HIIT" };

/** A vocabulary value for people: "martial-arts" → "Martial arts", "hiit" → "HIIT". */
export function humanize(value: string): string {
  const acronym = ACRONYMS[value];
  if (acronym) return acronym;
  const spaced = value.replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
