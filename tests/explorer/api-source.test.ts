// The explorer's reads against the service: a busy or restarting service (502/503/504) or a dropped connection
// is asked again before an error reaches the page; an answer that will not change (400, 404) is not.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiSource, GET_RETRY_MS, SourceError } from "../../explorer/src/source.js";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const graph = { nodes: [{ id: "person:甲" }], edges: [] };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("ApiSource reads", () => {
  it("asks again after a 503 and a dropped connection, and returns the answer that follows", async () => {
    vi.useFakeTimers();
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(503, { error: "Neo4j is not answering", code: "NEO4J_UNAVAILABLE" }))
      .mockRejectedValueOnce(new TypeError("fetch failed"))
      .mockResolvedValueOnce(json(200, graph));
    vi.stubGlobal("fetch", fetch);
    const answer = new ApiSource("http://127.0.0.1:1").neighbours("person:甲", 10);
    await vi.advanceTimersByTimeAsync(GET_RETRY_MS[0] + GET_RETRY_MS[1]);
    expect(await answer).toEqual(graph);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(String(fetch.mock.calls[2]![0])).toContain("/api/neighbours?id=person%3A%E7%94%B2&limit=10");
  });

  it("gives up after two retries with the service's own error", async () => {
    vi.useFakeTimers();
    const fetch = vi
      .fn()
      .mockImplementation(async () => json(504, { error: "the query took too long", code: "TIMEOUT" }));
    vi.stubGlobal("fetch", fetch);
    const answer = new ApiSource().entity("meeting:会");
    const failed = expect(answer).rejects.toMatchObject({ code: "TIMEOUT", message: "the query took too long" });
    await vi.advanceTimersByTimeAsync(GET_RETRY_MS[0] + GET_RETRY_MS[1]);
    await failed;
    expect(fetch).toHaveBeenCalledTimes(1 + GET_RETRY_MS.length);
  });

  it("does not ask again when the answer is a client error", async () => {
    const fetch = vi.fn().mockResolvedValue(json(404, { error: "no such node", code: "NOT_FOUND" }));
    vi.stubGlobal("fetch", fetch);
    await expect(new ApiSource().detail("person:无")).rejects.toBeInstanceOf(SourceError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
