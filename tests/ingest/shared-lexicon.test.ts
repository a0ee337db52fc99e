// One lexicon of surnames, countries, organization suffixes and division suffixes (ingest/gazetteer/lexicon.ts):
// the organization-head gazetteer and the NER tagger's training lexicon take their entries from it.
import { describe, expect, it } from "vitest";
import {
  COMPOUND_SURNAMES,
  COUNTRIES_AND_REGIONS,
  DIVISION_SUFFIX,
  ORG_SUFFIXES,
  SURNAMES,
} from "../../ingest/gazetteer/lexicon.js";
import { ORG_HEADS } from "../../ingest/gazetteer/org-heads.js";
import { shortName } from "../../ingest/gazetteer/places.js";
import { divisionNames, gazetteerEntries } from "../../ingest/ner/training/gazetteer.js";

describe("the shared lexicon", () => {
  it("gives the tagger's lexicon every surname, country and suffix of the gazetteers", () => {
    const byClass = new Map<string, Set<string>>();
    for (const [word, cls] of gazetteerEntries()) {
      if (!byClass.has(cls)) byClass.set(cls, new Set());
      byClass.get(cls)!.add(word);
    }
    const missing = (words: Iterable<string>, cls: string) => [...words].filter((w) => !byClass.get(cls)?.has(w));
    expect(missing([...SURNAMES, ...COMPOUND_SURNAMES], "SURN")).toEqual([]);
    expect(missing(COUNTRIES_AND_REGIONS, "CTRY")).toEqual([]);
    expect(missing(ORG_SUFFIXES, "SFX")).toEqual([]);
  }, 30_000);

  it("gives the organization heads the suffixes that are heads", () => {
    for (const s of ["委员会", "办公室", "大学", "银行", "局"]) expect(ORG_HEADS.has(s), s).toBe(true);
    // A longer form whose tail is the head, and a suffix left out of the heads, stay out.
    expect(ORG_HEADS.has("股份有限公司")).toBe(false);
    expect(ORG_HEADS.has("领导小组")).toBe(false);
  });

  it("has one division-suffix rule for the place gazetteer and the tagger's division names", () => {
    expect(DIVISION_SUFFIX.test("宁夏回族自治区")).toBe(true);
    expect(shortName("聊城市")).toBe("聊城");
    expect(shortName("黔东南苗族侗族自治州")).toBe("黔东南");
    const names = new Set(divisionNames());
    for (const n of ["聊城市", "聊城", "黔东南"]) expect(names.has(n), n).toBe(true);
    expect(names.has("黔东")).toBe(false);
  });
});
