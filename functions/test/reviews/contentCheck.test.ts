import { describe, expect, it } from "vitest";
import { checkReviewText } from "../../src/reviews/contentCheck.js";

/** Reviews members really write: each must be published at once, in every city's language. */
const ORDINARY_REVIEWS = [
  "Great class, the instructor assessed my form",
  "Best session in Scunthorpe or London, a proper glutes and butt workout, loved it xx",
  "The analysis of my squat was spot on; the cocktail bar after was a bonus, 5 stars",
  "Pussycat Dolls on the playlist, the girl on the bike next to me sang along. Grapefruit water after!",
  "Tolle Stunde, sehr anstrengend",
  "Wie Schwanensee, nur mit Kniebeugen. Die Analyse meiner Haltung war hilfreich, Mama kam auch mit",
  "Aula ótima, professora muito atenciosa",
  "Sem disputa a melhor aula: a professora Ana Pinto tem cuidado com a postura e é uma heroína",
  "Treino de bumbum e saco de boxe, depois fomos comer. Havia bicha para entrar, mas valeu a pena",
];

describe("checkReviewText: what a member can publish straight away", () => {
  it.each(ORDINARY_REVIEWS)("publishes %j", (text) => {
    expect(checkReviewText(text)).toEqual([]);
  });

  it("publishes an empty review (a rating without text)", () => {
    expect(checkReviewText("")).toEqual([]);
  });
});

describe("checkReviewText: profanity", () => {
  it.each([
    ["English", "What a fucking waste of an hour"],
    ["German", "Der Trainer ist ein Arschloch"],
    ["Portuguese", "Que merda de aula"],
  ])("holds abuse in %s", (_language, text) => {
    expect(checkReviewText(text)).toEqual(["profanity"]);
  });

  it.each([
    "SCHEISSE, zu voll",
    "Scheiße, zu voll",
    "scheisse, zu voll",
    "FÜCKING hard",
    "ｆｕｃｋ this",
    "Vai-te FODER",
  ])("holds %j whatever its case, accents or letter forms", (text) => {
    expect(checkReviewText(text)).toEqual(["profanity"]);
  });

  it("holds a phrase of the list, even written with a hyphen, but not its words on their own", () => {
    expect(checkReviewText("God damn, that was hard")).toEqual(["profanity"]);
    expect(checkReviewText("God-damn hard")).toEqual(["profanity"]);
    expect(checkReviewText("Thank God the class was quiet; damn, my legs hurt")).toEqual([]);
  });

  it("holds a bad word next to punctuation or inside a hyphenated word", () => {
    expect(checkReviewText("Instructor = bitch!")).toEqual(["profanity"]);
    expect(checkReviewText("a shit-show of a class")).toEqual(["profanity"]);
  });

  it("holds the list's emoji", () => {
    expect(checkReviewText("Instructor 🖕🏽")).toEqual(["profanity"]);
  });
});

describe("checkReviewText: links", () => {
  it.each([
    "Book cheaper at http://example.com",
    "see https://rival-gym.example/join?ref=1",
    "www.mygym.de has the same class",
    "example.com/offer",
    "DM me: bit.ly/x",
    "visit mystudio.pt for more",
    "GO TO EXAMPLE.COM",
    "at studio.co.uk.",
  ])("holds %j", (text) => {
    expect(checkReviewText(text)).toEqual(["link"]);
  });

  it.each([
    "I loved it.Really",
    "great.Thanks",
    "Tolle Stunde.Danke",
    "Great class.so much fun",
    "Rated 4.5, e.g. for cardio",
  ])("publishes %j: a sentence typed without a space is no domain", (text) => {
    expect(checkReviewText(text)).toEqual([]);
  });
});

describe("checkReviewText: email addresses", () => {
  it.each([
    "write to anna@gmail.com",
    "anna.silva@sapo.pt",
    "anna at gmail dot com",
    "anna(at)gmail.com",
    "anna [at] web [dot] de",
    "anna arroba gmail ponto com",
  ])("holds %j, as an address and nothing else", (text) => {
    expect(checkReviewText(text)).toEqual(["email"]);
  });

  it.each(["@anna was great", "We met at the gym at 18:30", "best at core work. Com certeza volto"])(
    "publishes %j",
    (text) => {
      expect(checkReviewText(text)).toEqual([]);
    },
  );
});

describe("checkReviewText: phone numbers", () => {
  it.each([
    "call me +44 7700 900123",
    "0151 123 4567",
    "+49 30 1234567",
    "ruf an: (030) 1234-5678",
    "liga 912 345 678",
    "+351 912.345.678",
    "07700900123",
    "+44 (0) 7700 900123",
  ])("holds %j", (text) => {
    expect(checkReviewText(text)).toEqual(["phone"]);
  });

  it.each([
    "5 stars, 45 minutes, 2x a week, 10/10",
    "Best class of 2026, starts 18:30",
    "Kurs am 12.05.2026 von 18.30-19.30 Uhr",
    "Aula das 18h30, 3 vezes por semana, 1.200 kcal",
  ])("publishes ordinary numbers: %j", (text) => {
    expect(checkReviewText(text)).toEqual([]);
  });

  it("reads a link's digits as the link, not as a phone number", () => {
    expect(checkReviewText("https://rival.example/class/12345678")).toEqual(["link"]);
  });
});

it("lists every flag a review raises once, in REVIEW_FLAGS order", () => {
  const text = "Fuck this, call +44 7700 900123, anna@gmail.com or www.x.de; fuck, www.y.de, 0151 123 4567";
  expect(checkReviewText(text)).toEqual(["profanity", "link", "email", "phone"]);
});
