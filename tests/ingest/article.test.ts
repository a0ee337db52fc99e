// Where an article's prose ends (proseEnd), and that extraction reads only the prose while the graph keeps the text.
import { describe, expect, it } from "vitest";
import { proseEnd } from "../../ingest/article.js";
import { extractDocument } from "../../ingest/index.js";

const prose = (text: string) => text.slice(0, proseEnd(text));

describe("proseEnd", () => {
  it.each([
    [
      "a markdown link line",
      "标题\n正文。\n[查看原文](https://tv.cctv.com/2022/09/25/VIDELffvpHpx3GNw3cauiZna220925.shtml)",
      "标题\n正文。",
    ],
    ["a label before a colon, then blank lines", "标题\n正文。\n\n原文链接：https://x.cn/a?b=1\n  \n", "标题\n正文。"],
    [
      "several links on one line, several lines",
      "标题\n正文。\n[图片](https://a.cn/c.jpg) | <http://v.cn/x>\n[视频](http://v.cn/y)",
      "标题\n正文。",
    ],
    ["an address inside prose stays", "标题\n详见 https://x.cn 网站。", "标题\n详见 https://x.cn 网站。"],
    [
      "a line with prose and a link stays",
      "标题\n正文。\n更多内容请看[这里](https://x.cn)",
      "标题\n正文。\n更多内容请看[这里](https://x.cn)",
    ],
    ["the first line always stays", "[查看原文](https://a.cn/c)", "[查看原文](https://a.cn/c)"],
    ["without a link line, trailing blank lines stay", "标题\n正文。\n\n", "标题\n正文。\n\n"],
    ["a link that is not a web address stays", "标题\n正文。\n[附件](附件一.doc)", "标题\n正文。\n[附件](附件一.doc)"],
  ])("%s", (_case, text, expected) => {
    expect(prose(text)).toBe(expected);
  });
});

describe("extraction reads the prose", () => {
  const doc = (tail: string) =>
    extractDocument({
      text: `市委召开常委会议\n市委书记周明远主持会议。${tail}`,
      meta: { date: "2024-03-12", source: "临河日报" },
      origin: { file: "t.jsonl", line: 1 },
      kind: "article",
    });

  it("finds no name in a link line, and stores the article with it", () => {
    const link = "\n[市长王建国讲话全文](https://example.cn/2024/03/12/a.html)";
    const withLink = doc(link);
    const without = doc("");
    const people = (d: typeof withLink) => d.entities.filter((e) => e.type === "Person").map((e) => e.name);
    expect(people(withLink)).toEqual(["周明远"]);
    expect(people(withLink)).toEqual(people(without));
    expect(withLink.relations.length).toBe(without.relations.length);
    expect(withLink.articles[0]!.text.endsWith(link)).toBe(true);
    // The id is the stored text's: the link is part of the article.
    expect(withLink.articles[0]!.id).not.toBe(without.articles[0]!.id);
  });
});
