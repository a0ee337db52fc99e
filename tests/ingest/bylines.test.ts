// Bylines and credits in their roles: 记者, 通讯员, 实习生, 见习记者, 摄影, 制图, 编辑.
import { describe, expect, it } from "vitest";
import { bylineRole, credits } from "../../ingest/bylines.js";
import { parseByline } from "../../ingest/markers.js";
import { extractDocument } from "../../ingest/pipeline.js";

describe("bylines", () => {
  it("reads every name of a byline, 见习记者 and 制图 included", () => {
    expect(parseByline("记者 王青 见习记者 周可 通讯员 包成勇")).toEqual(["王青", "周可", "包成勇"]);
    expect(parseByline("本报记者 颜  珂 制图 李想")).toEqual(["颜珂", "李想"]);
  });

  it("gives each name the role word before it in the byline", () => {
    const text = "本报讯（记者 王青 通讯员 包成勇 实习生 林小雨）3月26日上午，王青在现场看到……（见习记者 周可）";
    expect(["王青", "包成勇", "林小雨", "周可", "韩立松"].map((n) => bylineRole(n, text))).toEqual([
      "记者",
      "通讯员",
      "实习生",
      "见习记者",
      null,
    ]);
  });

  it("reads credits in brackets and on their own lines, but no word that is not a name", () => {
    const text = "北山公园的樱花进入盛花期。（摄影 钱一鸣）\n制图：李想\n责任编辑：赵蕾\n（摄影报道）";
    expect(credits(text)).toEqual([
      { name: "钱一鸣", role: "摄影" },
      { name: "李想", role: "制图" },
      { name: "赵蕾", role: "编辑" },
    ]);
  });

  it("links each credited person to the article in their role, and the byline's to the paper (本报)", () => {
    const doc = extractDocument({
      text: "本报讯（见习记者 周可 通讯员 孙海）4月1日，青河湾湿地公园正式开园，市民纷纷前来游览。（摄影 钱一鸣）",
      meta: { title: "青河湾湿地公园开园", source: "青河日报", date: "2026-04-02" },
      origin: { file: "t.md" },
      kind: "article",
    });
    const reported = doc.relations
      .filter((r) => r.type === "REPORTED")
      .map((r) => `${r.source} ${String(r.properties.role)}`)
      .sort();
    expect(reported).toEqual(["person:周可 见习记者", "person:孙海 通讯员", "person:钱一鸣 摄影"]);
    const posts = doc.relations.filter((r) => r.type === "HOLDS_POSITION" && r.target === "org:青河日报社");
    expect(posts.map((r) => `${r.source} ${String(r.properties.title)}`)).toContain("person:周可 见习记者");
  });
});
