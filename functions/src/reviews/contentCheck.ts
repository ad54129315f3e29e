/**
 * The content check every class review passes before it is public: a review that raises any flag
 * is held for an admin instead of published. It holds, never rejects, so it leans towards holding;
 * but each false hold costs a moderator's time and delays an honest review, so ordinary words must
 * pass in all three of our cities' languages.
 */
import de from "naughty-words/de.json" with { type: "json" };
import en from "naughty-words/en.json" with { type: "json" };
import pt from "naughty-words/pt.json" with { type: "json" };
import type { ReviewFlag } from "../model/index.js";

/**
 * Entries of the LDNOOBW lists (written for image-search autocomplete, not for abuse) that are
 * everyday words or phrases in a fitness review: a glutes class, sign-off kisses, "the girl on the
 * bike", a huge fat burn, a mother (Mama in de/en), a punching bag (saco), eating (comer), the
 * queue (bicha, in Lisbon), a heroine, an instructor called Pinto, members naming who they are.
 */
const ORDINARY_WORDS = [
  ..."xx|xxx|butt|suck|sucks|domination|tied up|spread legs|girl on|big black|tight white|huge fat".split("|"),
  ..."taste my|tainted love|how to kill|mama|bicha|bumbum|saco|comer|cerveja|frango assado".split("|"),
  ..."torneira|aranha|amador|inferno|gozar|heroína|pinto|consolo".split("|"),
  ..."bissexual|heterosexual|homosexual|lésbica|homem gay".split("|"),
];

/** Accents, case, ß and compatibility forms (fullwidth letters, ligatures) are no way around the list. */
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");

/** A word keeps its inner hyphens, apostrophes and ampersands, so "foda-se" and "s&m" are one word. */
const WORD = /[\p{L}\p{N}]+(?:['’&-][\p{L}\p{N}]+)*/gu;
const wordsOf = (folded: string) => folded.match(WORD) ?? [];
const partsOf = (word: string) => word.split(/['’&-]/);

const ordinary = new Set(ORDINARY_WORDS.map(fold));
const BAD_WORDS = new Set<string>();
/** Space-separated parts, matched as whole words in a row: "god damn" holds, "god" alone does not. */
const BAD_PHRASES: string[] = [];
/** Entries with no letters or digits (an emoji), matched anywhere. */
const BAD_SYMBOLS: string[] = [];
for (const entry of new Set([...en, ...de, ...pt].map(fold))) {
  if (ordinary.has(entry)) continue;
  const words = wordsOf(entry);
  if (words.length === 0) BAD_SYMBOLS.push(entry);
  else if (words.length === 1) BAD_WORDS.add(entry);
  else BAD_PHRASES.push(words.flatMap(partsOf).join(" "));
}

function isProfane(text: string): boolean {
  const folded = fold(text);
  const words = wordsOf(folded);
  // Whole words only: "class", "Scunthorpe" and "computador" contain a bad word and are fine.
  if (words.some((word) => BAD_WORDS.has(word) || partsOf(word).some((part) => BAD_WORDS.has(part)))) return true;
  const spaced = ` ${words.flatMap(partsOf).join(" ")} `;
  return BAD_PHRASES.some((phrase) => spaced.includes(` ${phrase} `)) || BAD_SYMBOLS.some((s) => folded.includes(s));
}

/**
 * Only these count as the end of a bare domain: any 2–6 letters would hold "I loved it.Really".
 * Words that end a sentence typed without a space ("so", "it", "in", "to", "at") are left out.
 */
const TLD =
  "com|net|org|info|biz|io|co|uk|de|pt|eu|fr|es|nl|ch|ly|gl|gg|tv|me|app|dev|xyz|site|online|shop|store|club|fit|gym|link|page|ai|us|ca";
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const DOMAIN_END = String.raw`(?=$|[\s/?#:,;!)]|\.(?:\s|$))`;
/** Each link with the rest of its path, so that a path's digits are not read as a phone number. */
const SCHEME_OR_WWW = /\b(?:(?:https?|ftp):\/\/|www\.)\S+/giu;
/** Case-sensitive TLD: a sentence typed without a space after its full stop starts with a capital. */
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\p{N}@.-])(?:${LABEL}\.)+(?:${TLD}|${TLD.toUpperCase()})${DOMAIN_END}\S*`,
  "gu",
);

const AT_WORD = "(?:at|arroba)";
const DOT_WORD = "(?:dot|punkt|ponto)";
const bracketed = (word: string) => String.raw`\s*[(\[{]\s*${word}\s*[)\]}]\s*`;
const SPELLED_DOT = String.raw`(?:${bracketed(DOT_WORD)}|\s+${DOT_WORD}\s+)`;
const ANY_DOT = String.raw`(?:\s*\.\s*|${SPELLED_DOT})`;
const LOCAL = String.raw`[\p{L}\p{N}._%+-]+`;
const emailPattern = (at: string, dot: string) =>
  String.raw`${LOCAL}${at}${LABEL}(?:${dot}${LABEL})*${dot}(?:${TLD})\b`;
/**
 * "anna@gmail.com", "anna(at)gmail.com", "anna at gmail dot com". A bare " at " needs a spelled-out
 * dot too, or "the class at studio.de" would count as an address; it still holds as a link.
 */
const EMAIL = new RegExp(
  [
    String.raw`${LOCAL}\s*@\s*${LABEL}(?:\.${LABEL})*\.\p{L}{2,}`,
    emailPattern(bracketed(AT_WORD), ANY_DOT),
    emailPattern(String.raw`\s+${AT_WORD}\s+`, SPELLED_DOT),
  ].join("|"),
  "giu",
);

/** A run of digits that spaces, dots, dashes and brackets may split, with an optional +country code. */
const DIGIT_RUN = /(?<![\p{L}\p{N}+])\+?(?:\(\s*)?\d(?:[\s.\-()]{0,3}\d)*/gu;
const PHONE_MIN_DIGITS = 8;

/** "12.05.2026" and "18.30-19.30" have eight digits, but only two to a group (the year aside). */
function isDateOrTimes(run: string): boolean {
  const groups = run.match(/\d+/g) ?? [];
  const last = groups.at(-1) ?? "";
  const head = /^(?:19|20)\d\d$/.test(last) && groups.length >= 3 ? groups.slice(0, -1) : groups;
  return head.every((group) => group.length <= 2) && head.length <= 4;
}

function hasPhone(text: string): boolean {
  return [...text.matchAll(DIGIT_RUN)].some(
    ([run]) => run.replace(/\D/g, "").length >= PHONE_MIN_DIGITS && !isDateOrTimes(run),
  );
}

/** The flags a review's text raises; empty = it may be published at once. Pure. */
export function checkReviewText(text: string): ReviewFlag[] {
  // Each kind is cut out before the next is looked for: an address is one flag, not also a link
  // (its domain), and a link's path ("/class/12345678") is not a phone number.
  const withoutEmails = text.replace(EMAIL, " ");
  const withoutLinks = withoutEmails.replace(SCHEME_OR_WWW, " ").replace(BARE_DOMAIN, " ");
  const flags: ReviewFlag[] = [];
  if (isProfane(text)) flags.push("profanity");
  if (withoutLinks !== withoutEmails) flags.push("link");
  if (withoutEmails !== text) flags.push("email");
  if (hasPhone(withoutLinks)) flags.push("phone");
  return flags;
}
