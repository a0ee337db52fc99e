// Splits a laid-out page into articles. Columns of one article are interleaved with others in e-paper text, so a body
// block joins the article whose text it shares most distinctive character pairs with, preferring the current one;
// a second pass (split-regroup.ts) moves fragments once every article is known in full.
import type { LaidOutPage, Block } from "./layout.js";
import { OPENING, isFooter, isHeadline, isOpening, parseByline } from "./markers.js";
import { parseDate } from "./masthead.js";
import { bigrams, inPaperVoice, regroup, type Member } from "./split-regroup.js";

export interface ArticleDraft {
  title: string;
  /** Every headline line (kicker, title, subtitles) in page order. */
  headlines: string[];
  source: string;
  date: string | null;
  page: string | null;
  /** The page's name (要闻, 杭州新闻), when the file gives one. */
  pageName?: string;
  byline: string[];
  /** Body blocks in reading order; the extract stage rejoins them into paragraphs. */
  blocks: string[];
}

/** A block that ends a sentence (or paragraph); any other stops mid-sentence, cut at a column's foot. */
const SENTENCE_END = /[。！？!?…”」]$/;

/** How much closer another article must be before a block leaves the current one. */
const CURRENT_BIAS = 0.12;

interface Building {
  draft: ArticleDraft;
  grams: Set<string>;
  /** Sum of squared weights of the article's distinctive pairs. */
  norm: number;
  hasTitle: boolean;
  /** Body blocks with their page index; the draft's blocks are filled from these at the end. */
  members: Member[];
}

function pageFromFile(file: string): string | null {
  const m = /(?:^|[-_/])p(?:age)?0*(\d{1,3})(?:\.[a-z]+)?$/i.exec(file);
  return m ? m[1]! : null;
}

/** Splits the text of one opening block: headline words before the marker, byline inside the first brackets. */
function openingParts(block: Block): { before: string; body: string; byline: string[]; agency: string | null } {
  const m = OPENING.exec(block.text)!;
  const before = block.spaced.slice(0, Math.max(0, block.spaced.indexOf(m[0].slice(0, 2)))).trim();
  const rest = block.text.slice(m.index);
  const paren = /^[^（(]{0,20}[（(]([^）)]{2,40})[）)]/.exec(rest);
  const byline = paren ? parseByline(paren[1]!) : /^■/.test(rest) ? parseByline(rest) : [];
  return { before, body: block.text.slice(m.index), byline, agency: m[1] ?? null };
}

export function splitArticles(page: LaidOutPage): ArticleDraft[] {
  const { raw, masthead, blocks } = page;
  const paper = raw.meta.source ?? masthead.paper ?? "";
  const date = parseDate(raw.meta.date) ?? masthead.date;
  const pageNo = raw.meta.page ?? pageFromFile(raw.origin.file);
  const make = (headlines: string[], source: string): Building => ({
    draft: { title: headlines.at(-1) ?? "", headlines, source, date, page: pageNo, byline: [], blocks: [] },
    grams: new Set(),
    norm: 0,
    hasTitle: headlines.length > 0,
    members: [],
  });

  if (raw.kind === "article") {
    const a = make(raw.meta.title ? [raw.meta.title] : [], paper);
    if (raw.meta.pageName) a.draft.pageName = raw.meta.pageName;
    for (const b of blocks) a.draft.blocks.push(b.text);
    if (raw.meta.author) a.draft.byline = parseByline(`记者 ${raw.meta.author}`);
    const opening = blocks.findIndex((b) => OPENING.test(b.text));
    // The text's byline wins when it names everyone the author field does: it adds 通讯员 and the others.
    const inText = opening >= 0 ? openingParts(blocks[opening]!).byline : [];
    if (inText.length > 0 && a.draft.byline.every((name) => inText.includes(name))) a.draft.byline = inText;
    return [finishTitle(a)];
  }

  // Document frequency of each pair over the page: pairs every article shares (发展, 工作) say little.
  const df = new Map<string, number>();
  for (const b of blocks) for (const g of bigrams(b.text)) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string) => Math.log((blocks.length + 1) / (df.get(g) ?? 1));
  // A pair in more than about a tenth of the page's blocks is common vocabulary, not an article's own.
  const distinctiveDf = Math.max(4, Math.round(blocks.length / 10));
  /** Pairs in 2 to distinctiveDf blocks tell articles apart; pairs in one block or in many say nothing. */
  const weight = (g: string) => {
    const n = df.get(g) ?? 0;
    return n >= 2 && n <= distinctiveDf ? idf(g) : 0;
  };
  /** Cosine of the block's and the article's distinctive pairs, so a long article does not win by size alone. */
  const score = (grams: Set<string>, a: Building) => {
    let dot = 0;
    let norm = 0;
    for (const g of grams) {
      const w = weight(g);
      norm += w * w;
      if (a.grams.has(g)) dot += w * w;
    }
    return dot && a.norm ? dot / Math.sqrt(norm * a.norm) : 0;
  };

  const articles: Building[] = [];
  let current: Building | null = null;
  let pending: Block[] = [];
  /** The article the previous body block went to, when that block stops mid-sentence (the text runs on). */
  let runOn: { article: Building; index: number } | null = null;
  const addGrams = (a: Building, text: string) => {
    for (const g of bigrams(text)) {
      if (a.grams.has(g)) continue;
      a.grams.add(g);
      a.norm += weight(g) ** 2;
    }
  };
  const attach = (a: Building, text: string, index: number, movable = false) => {
    a.members.push({ index, text, movable });
    addGrams(a, text);
    runOn = SENTENCE_END.test(text) ? null : { article: a, index };
  };
  const open = (headlines: string[], source: string): Building => {
    const a = make(headlines, source);
    for (const h of headlines) addGrams(a, h);
    articles.push(a);
    return a;
  };
  const bestFor = (text: string, index: number): Building | null => {
    const grams = bigrams(text);
    // The paper's own voice (本报, 我市, a bare 市委) never continues a wire-agency story.
    const eligible = (a: Building) => !(inPaperVoice(text) && a.draft.source !== paper);
    // A line right after one cut mid-sentence most likely finishes that sentence: its article is the one to beat, the
    // more so when the cut splits a word the page uses elsewhere (项目投|资规模: 投资).
    const cut = runOn && runOn.index === index - 1 ? runOn : null;
    const favoured = cut ? cut.article : current;
    const joined = cut ? blocks[index - 1]!.text.slice(-1) + text.slice(0, 1) : "";
    const bias = CURRENT_BIAS * (joined && df.has(joined) ? 2 : 1);
    let best = favoured && eligible(favoured) ? favoured : null;
    let bestScore = best ? score(grams, best) + bias : -1;
    for (const a of articles) {
      if (!eligible(a)) continue;
      const s = score(grams, a);
      if (s > bestScore) [best, bestScore] = [a, s];
    }
    return best;
  };
  /** Whether the pending headlines wait for an opening further down (so this block is an interleaved fragment). */
  const openingAhead = (from: number) => {
    for (let j = from; j < blocks.length; j++) {
      if (isOpening(blocks, j)) return true;
      if (isHeadline(blocks[j]!) || isFooter(blocks[j]!)) return false;
    }
    return false;
  };

  blocks.forEach((block, i) => {
    if (isFooter(block)) return;
    if (isOpening(blocks, i)) {
      const parts = openingParts(block);
      // A headline printed on the opening's own line is this article's; lines pending before it then belong to the
      // article already open (a second headline line set between its columns).
      const heads = parts.before ? [parts.before] : pending.map((b) => b.spaced);
      if (parts.before && current && pending.length) current.draft.headlines.push(...pending.map((b) => b.spaced));
      current = open(heads, parts.agency ?? paper);
      current.draft.byline = parts.byline;
      pending = [];
      if (!/^■/.test(parts.body)) attach(current, parts.body, i);
      return;
    }
    if (/^■/.test(block.text)) {
      // A closing byline (photo captions): it belongs to the article just read.
      if (current && current.draft.byline.length === 0) current.draft.byline = parseByline(block.text);
      return;
    }
    if (isHeadline(block)) {
      pending.push(block);
      return;
    }
    if (pending.length && !openingAhead(i + 1)) {
      current = open(
        pending.map((b) => b.spaced),
        paper,
      );
      pending = [];
      attach(current, block.text, i);
      return;
    }
    const target = bestFor(block.text, i);
    if (target) attach(target, block.text, i, true);
    else {
      current = open([], paper);
      attach(current, block.text, i);
    }
  });

  // Headline lines left at the end (a title printed below its columns) go to the untitled article they match.
  for (const h of pending) {
    const grams = bigrams(h.text);
    const untitled = articles.filter((a) => !a.hasTitle);
    const match = untitled.map((a) => ({ a, s: score(grams, a) })).sort((x, y) => y.s - x.s)[0];
    if (match && match.s > CURRENT_BIAS / 2) {
      addGrams(match.a, h.text);
      match.a.draft.headlines.push(h.spaced);
      match.a.hasTitle = true;
    }
  }
  regroup(
    articles.map((a) => ({ headlines: a.draft.headlines, members: a.members, agency: a.draft.source !== paper })),
    weight,
  );
  for (const a of articles) a.draft.blocks = a.members.map((m) => m.text);
  return articles.filter((a) => a.draft.blocks.length > 0).map(finishTitle);
}

/** The title is the main headline: a kicker that ends in 强调/指出 or a subtitle is not. Untitled articles take their first sentence. */
function finishTitle(a: Building): ArticleDraft {
  const d = a.draft;
  const heads = d.headlines.filter((h) => !/^(新时代|用[A-Z]|.*系列评论)/.test(h));
  const main =
    heads.find((h, k) => !/(强调|指出|表示|要求|提出|时说)$/.test(h) && (k === 0 || !/^(传达|研究|审议)/.test(h))) ??
    heads[0];
  const firstSentence =
    (d.blocks[0] ?? "").replace(/^(本报讯|新华社[^）)]*)([（(][^）)]*[）)])?/, "").split(/[。！？]/)[0] ?? "";
  d.title = main ?? firstSentence.slice(0, 40);
  return d;
}
