// Recognizes the typographic roles of a block on a news page: article openings, bylines, headlines, page footers.
import { BYLINE_ROLE } from "./bylines.js";
import type { Block } from "./layout.js";
import { codePointLength } from "./text.js";

/** 本报讯, 新华社济南2月3日电, 人民日报北京电: where an article's body begins; group 1 names an agency when there is one. */
export const OPENING =
  /本报讯|本报[\u4e00-\u9fff]{2,8}?\d{1,2}月\d{1,2}日电|(新华社|中新社|人民日报|大众日报|央视新闻|中国新闻社)[\u4e00-\u9fff]{0,8}?(?:\d{1,2}月\d{1,2}日)?电|^■\s*本报(?:记者|评论员|通讯员|特约评论员)/;

/** Reporters and correspondents in a byline: (记者 张武岳), (记者 夏旭光 通讯员 解斌), ■ 本报记者 许金松. */

export function parseByline(text: string): string[] {
  const names: string[] = [];
  const parts = text.split(BYLINE_ROLE).slice(1);
  for (const part of parts) {
    // Papers pad a two-character name to the width of three (颜  珂, 周  欢): single characters in a row are one name.
    const tokens = part.split(/[\s、，,]+/).map((t) => t.replace(/[()（）■]/g, "").trim());
    for (let k = 0; k < tokens.length; k++) {
      let name = tokens[k]!;
      while (/^[\u4e00-\u9fff]$/.test(tokens[k]!) && /^[\u4e00-\u9fff]$/.test(tokens[k + 1] ?? "") && name.length < 3)
        name += tokens[++k]!;
      if (/^[\u4e00-\u9fff·]{2,5}$/.test(name)) names.push(name);
    }
  }
  return names;
}

export function isFooter(block: Block): boolean {
  return /^(值班副总编|值班主任|值班编委|责编|责任编辑|版式|校对|美编|组版)[:：]/.test(block.text);
}

/** Short, no sentence punctuation: a headline, kicker, subtitle or column name. */
export function isHeadline(block: Block): boolean {
  const t = block.text;
  if (OPENING.test(t) || isFooter(block)) return false;
  const n = codePointLength(t);
  if (n < 2 || n > 48) return false;
  return !/[，。；：！？,;!?]/.test(t.replace(/“[^”]*”|《[^》]*》/g, ""));
}

/** A ■ byline that introduces the text after it (评论员 columns) rather than closing a photo caption. */
export function isLeadingByline(blocks: Block[], i: number): boolean {
  const next = blocks[i + 1];
  return next !== undefined && !isHeadline(next) && !isFooter(next) && !OPENING.test(next.text);
}

export function isOpening(blocks: Block[], i: number): boolean {
  const block = blocks[i]!;
  if (!OPENING.test(block.text)) return false;
  return !/^■/.test(block.text) || isLeadingByline(blocks, i);
}
