// Loads sort their rows into one global order, so concurrent loads lock shared nodes in the same order.
import { describe, expect, it } from "vitest";
import type { GraphDoc } from "../../../core/model.js";
import { inLockOrder } from "../../../ingest/batch/writer.js";

const rel = (type: "MENTIONS" | "LOCATED_IN", source: string, target: string) => ({
  type,
  source,
  target,
  properties: {},
  evidence: [],
});

describe("lock order of a load", () => {
  it("sorts entities by id and relationships by type, target and source, keeping every row", () => {
    const doc: GraphDoc = {
      articles: [],
      entities: [
        { id: "place:b", type: "Place", name: "乙", aliases: [] },
        { id: "person:z", type: "Person", name: "甲", aliases: [] },
        { id: "place:a", type: "Place", name: "丙", aliases: [] },
      ],
      relations: [
        rel("MENTIONS", "article:2", "place:b"),
        rel("LOCATED_IN", "organization:x", "place:a"),
        rel("MENTIONS", "article:1", "place:b"),
        rel("MENTIONS", "article:9", "place:a"),
      ],
    };
    const sorted = inLockOrder(doc);
    expect(sorted.entities.map((e) => e.id)).toEqual(["person:z", "place:a", "place:b"]);
    expect(sorted.relations.map((r) => `${r.type} ${r.target} ${r.source}`)).toEqual([
      "LOCATED_IN place:a organization:x",
      "MENTIONS place:a article:9",
      "MENTIONS place:b article:1",
      "MENTIONS place:b article:2",
    ]);
    expect(doc.entities[0]!.id).toBe("place:b");
  });
});
