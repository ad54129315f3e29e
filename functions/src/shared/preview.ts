/** One line of someone's words for an inbox, a notice or a push. Pure: no Firebase. */
import { MESSAGE_LIMITS } from "../model/index.js";

/** Whitespace folded, cut at a word, at most `max` characters. */
export function previewOf(text: string, max: number = MESSAGE_LIMITS.previewMax): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
