// The corpus audit's draw and score on a small graph built here: the same seed draws the same items whatever the
// order of the graph, another seed draws others, and precision counts right and wrong judgements of drawn items only.
import { describe, expect, it } from "vitest";
import type { EntityDoc, GraphDoc, RelationDoc } from "../../core/model.js";
import {
  auditItems,
  drawOrder,
  drawSample,
  excerpt,
  relationKey,
  scoreSample,
  type Judgement,
} from "../../bench/audit/sample.js";
import { parseJudgements, pendingLines } from "../../bench/audit/judgements.js";

const person = (name: string): EntityDoc => ({ id: `person:${name}`, type: "Person", name, aliases: [] });
const org = (name: string): EntityDoc => ({ id: `org:${name}`, type: "Organization", name, aliases: [] });
const names = ["钱守诚", "孟秋菊", "韦国梁", "鲍晓岚", "邢振东", "柴雨婷", "庞立军", "宁海燕", "温子墨", "蒲建新"];
const mentions = (e: EntityDoc): RelationDoc => ({
  type: "MENTIONS",
  source: "article:a1",
  target: e.id,
  properties: { count: 1 },
  evidence: [{ article: "article:a1", sentence: `县长${e.name}出席开幕式。` }],
});
const post = (p: string, title: string): RelationDoc => ({
  type: "HOLDS_POSITION",
  source: `person:${p}`,
  target: "org:临泉县人民政府",
  properties: { title },
  evidence: [{ article: "article:a1", sentence: `临泉县${title}${p}主持会议。` }],
});

function graph(): GraphDoc {
  const entities = [...names.map(person), org("临泉县人民政府")];
  return {
    articles: [],
    entities,
    relations: [...entities.map(mentions), ...names.map((n, i) => post(n, i % 2 ? "副县长" : "县长"))],
  };
}

describe("drawSample", () => {
  const doc = graph();
  const sample = drawSample(auditItems(doc), "seed-a", 4);
  const keys = (s: typeof sample, g: "Person" | "HOLDS_POSITION") => s.get(g)!.map((i) => i.key);

  it("takes the items with the lowest seeded hash of their key, in that order", () => {
    const expected = names
      .map((n) => `person:${n}`)
      .sort((a, b) => (drawOrder("seed-a", a) < drawOrder("seed-a", b) ? -1 : 1))
      .slice(0, 4);
    expect(keys(sample, "Person")).toEqual(expected);
    expect(sample.get("Organization")!.map((i) => i.key)).toEqual(["org:临泉县人民政府"]);
    expect(sample.get("Meeting")).toEqual([]);
  });
  it("draws the same items from the graph in another order, and others with another seed", () => {
    const shuffled: GraphDoc = {
      ...doc,
      entities: [...doc.entities].reverse(),
      relations: [...doc.relations].reverse(),
    };
    const again = drawSample(auditItems(shuffled), "seed-a", 4);
    expect(keys(again, "Person")).toEqual(keys(sample, "Person"));
    expect(keys(again, "HOLDS_POSITION")).toEqual(keys(sample, "HOLDS_POSITION"));
    const other = ["seed-b", "seed-c", "seed-d"].map((s) => keys(drawSample(auditItems(doc), s, 4), "Person"));
    expect(other.some((k) => k.join() !== keys(sample, "Person").join())).toBe(true);
  });
  it("keys a relation by source, type, target and title, and shows its sentence", () => {
    expect(relationKey(post("钱守诚", "县长"))).toBe("person:钱守诚|HOLDS_POSITION|org:临泉县人民政府|县长");
    const item = auditItems(doc).find((i) => i.key === "person:孟秋菊|HOLDS_POSITION|org:临泉县人民政府|副县长")!;
    expect(item.name).toBe("孟秋菊 —副县长→ 临泉县人民政府");
    expect(item.sentence).toBe("临泉县副县长孟秋菊主持会议。");
  });
  it("cuts a long sentence around the name", () => {
    const long = `${"甲".repeat(200)}庞立军${"乙".repeat(200)}`;
    const cut = excerpt(long, "庞立军", 41);
    expect(cut).toContain("庞立军");
    expect(cut.length).toBe(43);
  });
});

describe("scoreSample", () => {
  const sample = drawSample(auditItems(graph()), "seed-a", 4);
  const drawn = sample.get("Person")!.map((i) => i.key);
  const judgements = new Map<string, Judgement>(
    [
      { key: drawn[0]!, verdict: "right" as const, why: "" },
      { key: drawn[1]!, verdict: "wrong" as const, why: "fragment" },
      { key: drawn[2]!, verdict: "right" as const, why: "" },
      { key: "person:不再出现", verdict: "wrong" as const, why: "stale" },
    ].map((j) => [j.key, j]),
  );
  const person = scoreSample(sample, judgements).find((s) => s.group === "Person")!;

  it("counts right and wrong over judged drawn items and lists the unjudged", () => {
    expect([person.right, person.wrong, person.unjudged.length]).toEqual([2, 1, 1]);
    expect(person.precision).toBeCloseTo(2 / 3);
    expect(person.unjudged[0]!.key).toBe(drawn[3]);
    expect(person.wrongItems[0]!.why).toBe("fragment");
  });
  it("gives no precision for a group with nothing judged", () => {
    expect(scoreSample(sample, new Map()).every((s) => s.precision === null)).toBe(true);
  });
});

describe("judgement lines", () => {
  it("reads key, verdict and why, skipping comments, the later line winning", () => {
    const text = "# comment\nperson:钱守诚\tright\tcounty head\nperson:钱守诚\twrong\tsplit name\n\n";
    expect(parseJudgements(text)).toEqual([
      { key: "person:钱守诚", verdict: "right", why: "county head" },
      { key: "person:钱守诚", verdict: "wrong", why: "split name" },
    ]);
  });
  it("rejects a line without a verdict", () => {
    expect(() => parseJudgements("person:钱守诚\t?\t")).toThrow(/right\|wrong/);
  });
  it("writes pending items one a line with their sentence", () => {
    const items = auditItems(graph()).filter((i) => i.key === "person:钱守诚");
    expect(pendingLines(items).split("\n")[1]).toBe("person:钱守诚\t?\t\t# Person | 钱守诚 | 县长钱守诚出席开幕式。");
  });
});
