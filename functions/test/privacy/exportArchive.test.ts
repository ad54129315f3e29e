/** The export's archive text (privacy/exportArchive.ts): parts rejoin into the JSON the member reads. */
import { describe, expect, it } from "vitest";
import { EXPORT_FORMAT } from "../../src/model/index.js";
import { ArchiveWriter, plainValue, safeCut } from "../../src/privacy/exportArchive.js";

async function build(partChars: number, documents: { entry: string; path: string; data: unknown }[]) {
  const parts: string[] = [];
  const writer = new ArchiveWriter(
    partChars,
    (index, text) => {
      expect(index).toBe(parts.length);
      parts.push(text);
      return Promise.resolve();
    },
    { uid: "member-1", generatedAtMs: Date.UTC(2026, 11, 6, 12) },
  );
  for (const doc of documents) {
    await writer.beginSection({ entry: doc.entry, holds: `Your ${doc.entry}s.` });
    await writer.add(doc.path, doc.data);
  }
  return { parts, result: await writer.finish() };
}

describe("the export archive", () => {
  it("is one JSON document across its parts, each part within the limit, with a summary of the counts", async () => {
    const documents = Array.from({ length: 40 }, (_, k) => ({
      entry: k < 30 ? "message" : "match",
      path: `doc/${k}`,
      data: { text: `message ${k} 💪🏽 ü`, n: k },
    }));
    const { parts, result } = await build(97, documents);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(97);
    expect(result.partCount).toBe(parts.length);
    expect(result.size).toBe(parts.join("").length);

    const archive = JSON.parse(parts.join("")) as {
      format: string;
      uid: string;
      generatedAt: string;
      sections: Record<string, { holds: string; documents: { path: string; data: { text: string } }[] }>;
      summary: { documents: Record<string, number>; lines: string[] };
    };
    expect(archive.format).toBe(EXPORT_FORMAT);
    expect(archive.uid).toBe("member-1");
    expect(archive.generatedAt).toBe("2026-12-06T12:00:00.000Z");
    expect(archive.sections["message"]?.documents).toHaveLength(30);
    expect(archive.sections["message"]?.documents[29]?.data.text).toBe("message 29 💪🏽 ü");
    expect(archive.summary.documents).toEqual({ message: 30, match: 10 });
    expect(archive.summary.lines).toEqual(["30 × message: Your messages.", "10 × match: Your matchs."]);
  });

  it("is a valid archive with empty sections when there is nothing to export", async () => {
    const parts: string[] = [];
    const writer = new ArchiveWriter(1000, (_i, text) => Promise.resolve(void parts.push(text)), {
      uid: "u",
      generatedAtMs: 0,
    });
    await writer.beginSection({ entry: "match", holds: "Matches." });
    expect(await writer.finish()).toMatchObject({ partCount: 1, counts: { match: 0 } });
    expect(JSON.parse(parts.join(""))).toMatchObject({ sections: { match: { documents: [] } } });
  });

  it("never cuts a part between the two halves of an emoji", () => {
    const text = "ab💪";
    expect(safeCut(text, 3)).toBe(2);
    expect(safeCut(text, 4)).toBe(4);
    expect(safeCut(text, 2)).toBe(2);
  });

  it("writes Firestore times as ISO strings, references as paths and points as coordinates", () => {
    const at = { toMillis: () => Date.UTC(2026, 0, 2), toDate: () => new Date(0) };
    const ref = { path: "users/u1", firestore: {} };
    expect(plainValue({ at, ref, where: { latitude: 51.5, longitude: -0.1 }, list: [at] })).toEqual({
      at: "2026-01-02T00:00:00.000Z",
      ref: "users/u1",
      where: { latitude: 51.5, longitude: -0.1 },
      list: ["2026-01-02T00:00:00.000Z"],
    });
  });
});
