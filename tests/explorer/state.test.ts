// The view state in the URL: what writeView puts in a link, readView reads back unchanged.
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, readView, writeView, type ViewState } from "../../explorer/src/state.js";

describe("explorer view links", () => {
  it("write nothing for the default view", () => {
    expect(writeView(DEFAULT_VIEW)).toBe("");
    expect(readView("")).toEqual(DEFAULT_VIEW);
  });

  it("round-trip selection, filters, appearance, query, expansions, path, opened provinces and camera", () => {
    const view: ViewState = {
      selected: "person:陈静怡",
      filters: {
        hiddenTypes: ["Place"],
        hiddenRelations: ["MENTIONS", "PART_OF"],
        from: "2023-02-01",
        to: "2023-03-31",
        hiddenSources: ["新华社"],
        minDegree: 2,
      },
      colorBy: "community",
      sizeBy: "pagerank",
      query: { cypher: "MATCH (p:Person {name: $name}) RETURN p", params: { name: "陈静怡", limit: 5 } },
      expanded: ["person:陈静怡", "org:河清市人民政府"],
      path: ["person:林晓峰", "person:周明远"],
      opened: ["place:370000"],
      camera: { x: 0.4213, y: -0.05, ratio: 0.3125 },
    };
    expect(readView(writeView(view))).toEqual(view);
  });

  it("round the camera to four decimals and ignore a camera that is not three finite numbers", () => {
    const cam = { x: 0.123456, y: 0.987654, ratio: 1.5 };
    expect(writeView({ ...DEFAULT_VIEW, camera: cam })).toBe("?cam=0.1235%2C0.9877%2C1.5");
    expect(readView("?cam=0.5,0.5").camera).toBeNull();
    expect(readView("?cam=0.5,abc,1").camera).toBeNull();
    expect(readView("?cam=0.5,0.5,0").camera).toBeNull();
    expect(readView("?cam=0.5,0.5,2").camera).toEqual({ x: 0.5, y: 0.5, ratio: 2 });
  });

  it("ignore query parameters that are not JSON rather than fail to open the link", () => {
    const v = readView("?q=MATCH%20(n)%20RETURN%20n&qp=%7Bnot-json");
    expect(v.query).toEqual({ cypher: "MATCH (n) RETURN n", params: {} });
  });
});
