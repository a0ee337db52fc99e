// A node comes back from Neo4j as a list read by position (NODE_ROW, apiNodeFromRow): every field must land on
// its own property, with the driver's Integers made numbers and absent ones left out.
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { apiNodeFromRow, NODE_ROW } from "../../service/graph-read.js";

/** The row Neo4j would return for NODE_ROW("n") on a node with these properties and labels. */
function rowFor(props: Record<string, unknown>, labels: string[]): unknown[] {
  const inner = NODE_ROW("n").slice(1, -1);
  return inner.split(", ").map((expr) => (expr === "labels(n)" ? labels : (props[expr.replace(/^n\./, "")] ?? null)));
}

describe("node rows", () => {
  it("reads every field of NODE_ROW into its property", () => {
    const props = {
      id: "place:高唐县",
      name: "高唐县",
      aliases: ["高唐"],
      kind: "county",
      level: "county",
      code: "371526",
      date: "2023-02-06",
      source: "聊城日报",
      degree: neo4j.int(7),
      pagerank: 0.25,
      community: neo4j.int(3),
    };
    expect(apiNodeFromRow(rowFor(props, ["Place"]))).toEqual({
      id: "place:高唐县",
      type: "Place",
      name: "高唐县",
      aliases: ["高唐"],
      kind: "county",
      level: "county",
      code: "371526",
      date: "2023-02-06",
      source: "聊城日报",
      degree: 7,
      pagerank: 0.25,
      community: 3,
    });
  });

  it("names an article by its title and leaves out what a node does not have", () => {
    const node = apiNodeFromRow(rowFor({ id: "article:1", title: "市委常委会召开会议" }, ["Article"]));
    expect(node).toEqual({
      id: "article:1",
      type: "Article",
      name: "市委常委会召开会议",
      aliases: [],
      title: "市委常委会召开会议",
    });
  });
});
