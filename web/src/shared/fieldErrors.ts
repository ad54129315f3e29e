/**
 * How every form turns a failed zod parse into messages beside its fields. Pure: no React, no
 * Firebase.
 */
import type { z } from "zod";

/** A message per form field; a field with no problem has no entry. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The first problem for each field, from a zod error. `fieldAt` maps a schema path ("bio",
 * "location.name") to the form field that shows it; an issue belongs to the longest mapped path
 * that starts its own path, so "interests.3" goes to the field at "interests". Issues at a path no
 * field maps are left out. `messages` words a field's problem for people (zod's own messages are
 * written for developers); without one, zod's message is shown.
 */
export function fieldErrors<F extends string>(
  error: z.ZodError | undefined,
  fieldAt: Readonly<Record<string, F>>,
  messages?: Readonly<Partial<Record<F, string>>>,
): FieldErrors<F> {
  const found: FieldErrors<F> = {};
  for (const issue of error?.issues ?? []) {
    const field = fieldFor(issue.path.map(String), fieldAt);
    if (field !== undefined && found[field] === undefined) found[field] = messages?.[field] ?? issue.message;
  }
  return found;
}

function fieldFor<F extends string>(path: readonly string[], fieldAt: Readonly<Record<string, F>>): F | undefined {
  for (let length = path.length; length > 0; length--) {
    const key = path.slice(0, length).join(".");
    if (Object.hasOwn(fieldAt, key)) return fieldAt[key];
  }
  return undefined;
}
