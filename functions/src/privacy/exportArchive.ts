/**
 * The data export's archive (format numina-export/1, described in docs/privacy.md), written as
 * JSON text a section at a time and cut into parts, so neither the member's history nor the whole
 * archive is ever held in memory. Pure: no Firebase; values from Firestore are recognised by shape.
 *
 *   { "format": "numina-export/1", "uid": …, "generatedAt": ISO time,
 *     "sections": { "<inventory entry>": { "holds": …, "documents": [ { "path": …, "data": … } ] } },
 *     "summary": { "documents": { "<entry>": n }, "lines": [ "1 × user: Your public profile: …", … ] } }
 *
 * The summary comes last because its counts are known only once every section is written.
 */
import { EXPORT_FORMAT } from "../model/index.js";

/** A Firestore value as plain JSON: times as ISO strings, references as paths, points as objects. */
export function plainValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(plainValue);
  const shaped = value as Record<string, unknown>;
  if (typeof shaped["toMillis"] === "function") return new Date((shaped["toMillis"] as () => number)()).toISOString();
  if (typeof shaped["path"] === "string" && "firestore" in shaped) return shaped["path"];
  if (typeof shaped["latitude"] === "number" && typeof shaped["longitude"] === "number") {
    return { latitude: shaped["latitude"], longitude: shaped["longitude"] };
  }
  return Object.fromEntries(Object.entries(shaped).map(([key, inner]) => [key, plainValue(inner)]));
}

/**
 * Where to cut `text` at or before `max` UTF-16 units without splitting a surrogate pair: a lone
 * half would be stored as U+FFFD and the rejoined archive would no longer be the member's text.
 */
export function safeCut(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

export interface ArchiveSection {
  entry: string;
  holds: string;
}

/**
 * Builds the archive's text and hands it to `flush` in parts of at most `partChars` characters,
 * in order. Call section() before the documents of each entry (an entry's documents may come from
 * several sources, but each entry's sources are contiguous), then finish().
 */
export class ArchiveWriter {
  private buffer = "";
  private parts = 0;
  private size = 0;
  private section: string | null = null;
  private firstInSection = true;
  private firstSection = true;
  private readonly counts: Record<string, number> = {};
  private readonly holds: Record<string, string> = {};

  constructor(
    private readonly partChars: number,
    private readonly flush: (index: number, text: string) => Promise<void>,
    header: { uid: string; generatedAtMs: number },
  ) {
    this.buffer =
      `{"format":${JSON.stringify(EXPORT_FORMAT)},"uid":${JSON.stringify(header.uid)},` +
      `"generatedAt":${JSON.stringify(new Date(header.generatedAtMs).toISOString())},"sections":{`;
  }

  async beginSection(section: ArchiveSection): Promise<void> {
    if (this.section === section.entry) return;
    this.closeSection();
    this.section = section.entry;
    this.counts[section.entry] = 0;
    this.holds[section.entry] = section.holds;
    this.write(
      `${this.firstSection ? "" : ","}${JSON.stringify(section.entry)}:{"holds":${JSON.stringify(section.holds)},"documents":[`,
    );
    this.firstSection = false;
    this.firstInSection = true;
    await this.drain();
  }

  async add(path: string, data: unknown): Promise<void> {
    if (this.section === null) throw new Error("ArchiveWriter.add before beginSection");
    this.write(`${this.firstInSection ? "" : ","}${JSON.stringify({ path, data: plainValue(data) })}`);
    this.firstInSection = false;
    this.counts[this.section] = (this.counts[this.section] ?? 0) + 1;
    await this.drain();
  }

  /** Writes the summary and the last part; resolves with the archive's part count, size and counts. */
  async finish(): Promise<{ partCount: number; size: number; counts: Record<string, number> }> {
    this.closeSection();
    // "3 × match: A mutual match between two members." — what a person reads before the JSON.
    const lines = Object.entries(this.counts).map(([entry, n]) => `${n} × ${entry}: ${this.holds[entry] ?? ""}`);
    this.write(`},"summary":${JSON.stringify({ documents: this.counts, lines })}}`);
    await this.drain();
    if (this.buffer.length > 0 || this.parts === 0) await this.emit(this.buffer);
    this.buffer = "";
    return { partCount: this.parts, size: this.size, counts: { ...this.counts } };
  }

  private closeSection() {
    if (this.section !== null) this.write("]}");
    this.section = null;
  }

  private write(text: string) {
    this.buffer += text;
  }

  private async drain() {
    while (this.buffer.length >= this.partChars) {
      const cut = safeCut(this.buffer, this.partChars);
      const part = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut);
      await this.emit(part);
    }
  }

  private async emit(text: string) {
    await this.flush(this.parts, text);
    this.parts += 1;
    this.size += text.length;
  }
}
