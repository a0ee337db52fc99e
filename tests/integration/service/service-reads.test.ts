// The service's graph reads on the fixture in a real Neo4j: search through the cjk full-text index, capped
// neighbours, node detail with evidence, shortest paths.
import { describe, expect, it } from "vitest";
import type { ApiGraph, ApiNodeDetail, ApiPath, ApiSearchResult } from "../../../core/api.js";
import { P1, P3 } from "../cypher/fixture.js";
import { useService } from "./service-harness.js";

describe("the read-only service", () => {
  const { get } = useService();

  describe("graph reads", () => {
    it("finds a person by part of an alias through the cjk full-text index", async () => {
      const body = (await get(`/api/search?q=${encodeURIComponent("一鸣")}`)).body as unknown as ApiSearchResult;
      expect(body.results[0]?.id).toBe(P1);
    });

    it("finds an entity by a word that only its aliases hold", async () => {
      // 云山客 is one of 甄一鸣's aliases and shares no two characters with any name: the index covers the aliases list.
      const body = (await get(`/api/search?q=${encodeURIComponent("云山客")}`)).body as unknown as ApiSearchResult;
      expect(body.results[0]).toMatchObject({ id: P1, name: "甄一鸣" });
    });

    it("caps neighbours and says how many it left out", async () => {
      const body = (await get(`/api/neighbours?id=${encodeURIComponent(P1)}&limit=1`)).body as unknown as ApiGraph;
      expect(body.nodes.map((n) => n.id)).toContain(P1);
      expect(body.nodes).toHaveLength(2);
      expect(body.omitted).toBe(2);
      expect(body.edges.every((e) => e.source === P1 || e.target === P1)).toBe(true);
    });

    it("answers a node without neighbours with the node alone, and an unknown id with 404", async () => {
      const alone = (await get(`/api/neighbours/${encodeURIComponent("person:qfix-祁四海")}`))
        .body as unknown as ApiGraph;
      expect(alone.nodes.map((n) => n.id)).toEqual(["person:qfix-祁四海"]);
      expect(alone).toMatchObject({ edges: [], omitted: 0 });
      const missing = await get(`/api/neighbours?id=${encodeURIComponent("person:qfix-nobody")}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe("NOT_FOUND");
    });

    it("gives an article's mentioned entities as its neighbours", async () => {
      const body = (await get(`/api/neighbours?id=${encodeURIComponent("article:qfix000000000a3")}&limit=50`))
        .body as unknown as ApiGraph;
      expect(body.nodes.map((n) => n.id).sort()).toEqual(
        [
          "article:qfix000000000a3",
          P3,
          "person:qfix-祁四海",
          "person:qfix-韦六一",
          "project:qfix-光伏产业园",
          "organization:qfix-云岭新材料",
          "place:qfix-石门镇",
        ].sort(),
      );
    });

    it("gives a node's relations with their evidence sentences and article titles", async () => {
      const body = (await get(`/api/node/${encodeURIComponent(P1)}`)).body as unknown as ApiNodeDetail;
      const posts = body.relations.filter((r) => r.type === "HOLDS_POSITION");
      // One relation per post, its two articles' evidence newest first, its span and article count; no storage lists.
      expect(posts).toHaveLength(1);
      expect(posts[0]?.evidence.map((e) => e.articleTitle)).toEqual(["云岭县项目推进会召开", "市委常委会会议召开"]);
      expect(posts[0]?.properties).toEqual({
        title: "市委书记",
        articles: 2,
        evidenceCount: 2,
        firstSeen: "1901-03-03",
        lastSeen: "1901-04-11",
        former: false,
        formerIn: 0,
      });
      expect(body.articles.map((a) => a.date)).toEqual(["1901-04-11", "1901-03-03"]);
    });

    it("finds the shortest path between two people", async () => {
      const body = (await get(`/api/path?from=${encodeURIComponent(P1)}&to=${encodeURIComponent(P3)}`))
        .body as unknown as ApiPath;
      expect(body.found).toBe(true);
      expect(body.nodes).toEqual([P1, "meeting:qfix-推进会", P3]);
    });
  });
});
