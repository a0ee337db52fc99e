// Bylines and credits: who wrote, reported, photographed or edited an article, in the roles papers print —
// 本报讯（记者 王青 通讯员 包成勇 实习生 林小雨）, ■ 本报见习记者 周可, 摄影 / 制图 / 编辑 lines. Each name's role
// becomes the `role` of its REPORTED link and the title of its post at the paper's own organization (本报).

/** Role words of a byline, longest first so 见习记者 is not read as 记者; 本报 before one is the paper itself. */
export const BYLINE_ROLE_WORDS = [
  "见习记者",
  "特约记者",
  "记者",
  "通讯员",
  "实习生",
  "评论员",
  "摄影",
  "制图",
  "责任编辑",
  "编辑",
  "摄",
] as const;

/** A role word in a byline, with 本报 before it and a colon after it as papers print them. */
export const BYLINE_ROLE = new RegExp(`(?:本报)?(?:${BYLINE_ROLE_WORDS.join("|")})\\s*[:：]?\\s*`, "g");

/** The role a byline word gives: 摄 is 摄影, 责任编辑 is 编辑. */
function normalRole(word: string): string {
  return word === "摄" ? "摄影" : word === "责任编辑" ? "编辑" : word;
}

const ROLE_BEFORE = new RegExp(`(${BYLINE_ROLE_WORDS.join("|")})`, "g");

/**
 * The role the article's byline gives a name: the last role word before the name within the byline (no sentence
 * punctuation between them). Null when the text names the person nowhere in a byline.
 */
export function bylineRole(name: string, text: string): string | null {
  const flat = text.replace(/[ \u3000\t]+/g, "");
  for (let at = flat.indexOf(name); at >= 0; at = flat.indexOf(name, at + 1)) {
    const before = flat.slice(Math.max(0, at - 20), at);
    // The byline's own stretch: back to the bracket or sentence mark before it.
    const stretch = before.slice(
      Math.max(...["（", "(", "。", "，", "；", "\n", "■"].map((c) => before.lastIndexOf(c))) + 1,
    );
    const roles = [...stretch.matchAll(ROLE_BEFORE)];
    const last = roles.at(-1);
    // The role word must lead into names only: 记者王青包成勇 gives both 记者; 记者会上王青 gives neither.
    if (
      last &&
      /^[\u4e00-\u9fff·、]*$/.test(stretch.slice(last.index + last[0].length)) &&
      stretch.length - last.index <= 16
    )
      return normalRole(last[1]!);
  }
  return null;
}

const CREDIT_ROLE = "摄影|摄|制图|责任编辑|编辑";
const CREDIT_NAMES = "[\\u4e00-\\u9fff]{2,4}(?:[、\\s]+[\\u4e00-\\u9fff]{2,4})*";
/** Credits in brackets anywhere, （摄影 钱一鸣）, or on a line of their own, 制图：李想 / 责任编辑：赵蕾. */
const CREDIT = new RegExp(
  `[（(]\\s*(${CREDIT_ROLE})\\s*[:：]?\\s*(${CREDIT_NAMES})\\s*[）)]|^\\s*(${CREDIT_ROLE})\\s*[:：]\\s*(${CREDIT_NAMES})\\s*$`,
  "gm",
);
/** Words a credit's name slot may hold that are no names (（摄影报道）). */
const NOT_A_NAME = /^(?:报道|记者|本报|通讯员|作品|图片|视频|设计)$/;

/** The photographers, map-makers and editors an article credits, each with the role the credit gives. */
export function credits(text: string): { name: string; role: string }[] {
  const out: { name: string; role: string }[] = [];
  for (const m of text.matchAll(CREDIT)) {
    const role = normalRole(m[1] ?? m[3]!);
    for (const name of (m[2] ?? m[4]!).split(/[、\s]+/))
      if (/^[\u4e00-\u9fff]{2,4}$/.test(name) && !NOT_A_NAME.test(name) && !out.some((c) => c.name === name))
        out.push({ name, role });
  }
  return out;
}
