// The left edge of a project or meeting name, read from the segmenter's words and tags. A name ends with its head
// word (工程, 大会 …) and runs left over nouns, proper names, ordinals and the verbs of its own compound (搬迁升级项目);
// it stops at punctuation, 的, prepositions, adverbs, conjunctions, pronouns, measures, photo credits (X摄) and at a
// verb that governs it (完成…工程, 举办…大赛). Quoted (“…”) and titled (《…》) names are taken whole.
import type { Word } from "../segmenter.js";

/** jieba tags by dictionary, not by context: function words of news prose it files as nouns or adjectives. */
const TAG_FIX: Record<string, string> = {
  基本: "d",
  全面: "d",
  力争: "v",
  同时: "c",
  先后: "d",
  成功: "d",
  积极: "d",
  深入: "d",
  落实: "v",
  大力: "d",
  持续: "d",
  正式: "d",
  首次: "d",
  共同: "d",
  联合: "v",
  依托: "v",
  围绕: "p",
  通过: "p",
  如今: "t",
  目前: "t",
  当前: "t",
  其中: "r",
  这批: "r",
  该批: "r",
  这是: "r",
  于是: "c",
  以及: "c",
  启动: "v",
  建设: "v",
  规划: "v",
  举办: "v",
  实施: "v",
  推进: "v",
  参加: "v",
  开展: "v",
  组织: "v",
  打造: "v",
  引进: "v",
  引入: "v",
  入选: "v",
  配套: "v",
  加快: "v",
  推动: "v",
  做好: "v",
  庆祝: "v",
  纪念: "v",
  召开: "v",
  举行: "v",
  出席: "v",
  主持: "v",
  列席: "v",
  重要: "a",
};
/**
 * Verbs of news prose that introduce what follows and never sit inside a project or meeting name (jieba files some of
 * them as nouns: 会见/n, 衷心祝愿/n): the name starts after them.
 */
const INTRODUCING = new Set(
  (
    "会见 参观 考察 视察 察看 查看 看望 慰问 调研 祝贺 热烈祝贺 衷心祝愿 祝愿 召开 举行 举办 出席 参加 主持 列席 包括 是 为 参与 承办 主办 " +
    "进行 开展 实施 完成 加快 入选 引入 引进 打造 发挥 落实 贯彻 贯彻落实 学习 传达 启动 迎接 喜迎 宣传 报道 关注 聚焦 " +
    "支持 推动 助力 围绕 推进 建成 开工 签约 签署 亮相 走进 来到 前往 部署 审议 通过 听取 深化 做好 抓好 按照 根据 " +
    "依托 联合 共同 成功 先后 已经 正在 均 都 也 还 将 已 再 又 采访 通报 公布 发布 暨 应邀 应邀出席 经 充分利用 认真落实 认真贯彻"
  ).split(" "),
);
/** An introducing verb, also with the adverb the segmenter joins to it (全面实施/n, 深入开展). */
function introduces(word: string): boolean {
  return (
    INTRODUCING.has(word) ||
    INTRODUCING.has(word.replace(/^(?:全面|深入|大力|加快|积极|持续|认真|扎实|切实)/, "") || word)
  );
}
const SCOPE = /^全(?:省|市|县|区|国|州|盟)$/;
/** Words that open a name of their own after 和 (…精神和中央经济工作会议). */
const SCOPE_WORD = /^(?:全(?:省|市|县|区|国|州|盟)|中央|国家|国务院|省委|市委|县委)$/;
/** Words a meeting's name may start with although they are verbs (庆祝…大会, 纪念…大会). */
const EVENT_VERBS = /^(庆祝|纪念)$/;
/** Ordinals, years, phases and numbered parts stay inside a name (第四届, 2024年, 一期, 三期, 一段, 一号). */
const ORDINAL =
  /^(?:第?[一二三四五六七八九十百零〇\d]+(?:届|次|期|步|段|号|线)|第[一二三四五六七八九十百零〇\d]*|首届|首批|届|\d{4}年|[一二三四五六七八九十]+中)$/;
const PUNCT = /^(?:[，。；：！？、,.;:!?\s…（）()【】[\]<>《》「」『』/|～~-]+|——+|—{2,})$/;
const OPEN: Record<string, string> = { "”": "“", "’": "‘", "》": "《", "」": "「", "）": "（", ")": "(" };
const PROPER_TAGS = /^(ns|nr|nrt|nt|nz|eng|zg)$/;

/** A verb that introduces what follows it; a one-character verb after a noun is inside a compound (智能网联). */
export function governs(words: Word[], j: number): boolean {
  const w = words[j]!;
  const t = tagOf(w);
  if (t === "p") return true;
  if (!/^v/.test(t) || t === "vn") return false;
  return !(w.word.length === 1 && j > 0 && /^(?:n|nr|ns|nz|x)$/.test(tagOf(words[j - 1]!)));
}

/** Unknown two-character words the article uses twice or beside another unknown word (set by readArticleWords). */
let repeated = new Set<string>();

/** The words `repeated` was last read from: meetings and projects read the same article's words in turn. */
let readFrom: Word[] | null = null;

/** Notes which unknown words the article repeats; the finders call it once an article before reading names. */
export function readArticleWords(words: Word[]): void {
  if (words === readFrom) return;
  readFrom = words;
  const seen = new Set<string>();
  repeated = new Set();
  const unknown = (w: Word | undefined) => w?.tag === "x" && /^[\u4e00-\u9fff]{2,}$/.test(w.word);
  words.forEach((w, i) => {
    if (!unknown(w) || w.word.length !== 2) return;
    // Used again, or beside another unknown word (引江 补汉): a name the dictionary lacks.
    if (seen.has(w.word) || unknown(words[i - 1]) || unknown(words[i + 1])) repeated.add(w.word);
    seen.add(w.word);
  });
}

const X_LEFTOVER = /[年省市县区抓更大小的了内部等两新好多各这那个是在和与及或为将把被从对]/;

export function tagOf(w: Word): string {
  return TAG_FIX[w.word] ?? w.tag;
}

/** A word that names something particular: a proper noun, an unknown word jieba could not file, a foreign name. */
export function isProper(w: Word): boolean {
  const t = tagOf(w);
  // A one-character abbreviation is a province's (黔, 滇); longer ones are mostly bodies and slogans (省委, 自贸).
  if (t === "j") return w.word.length === 1;
  // A word jieba could not file is a name (达钢, 裕宏泰) unless it holds a function or generic character, as its
  // leftovers do (年省, 抓大, 内的, 部等).
  // Two characters are too few to tell a name from a leftover unless the article uses the word again (达钢).
  return (
    PROPER_TAGS.test(t) ||
    (t === "x" &&
      /^[\u4e00-\u9fffA-Za-z0-9]{2,}$/.test(w.word) &&
      !X_LEFTOVER.test(w.word) &&
      (w.word.length > 2 || repeated.has(w.word)))
  );
}

/** An ordinal, year or phase word; a bare numeral counts when the next word is 届 or 次 (十九 届). */
export function isOrdinal(w: Word, next?: Word): boolean {
  return (
    ORDINAL.test(w.word) ||
    w.word === "年" ||
    (/^[一二三四五六七八九十\d]+$/.test(w.word) && /^[届次期]/.test(next?.word ?? "")) ||
    (/^\d{4}$/.test(w.word) && /^年/.test(next?.word ?? ""))
  );
}

export interface NameEdge {
  /** Offset where the name starts. */
  start: number;
  /** Index of the first word of the name in the word list. */
  first: number;
  /** A quoted or titled part is in the name. */
  quoted: boolean;
}

/**
 * The start of the name whose head word is words[h]. `floor` bounds the scan (sentence start). Returns null when the
 * name is nothing but its head.
 */
export function leftEdge(words: Word[], h: number, floor: number, meeting = false): NameEdge {
  let first = h;
  let quoted = false;
  let kept = 0; // content words kept so far, the head aside
  for (let j = h - 1; j >= 0 && h - j < 30; j--) {
    const w = words[j]!;
    if (w.start < floor) break;
    // Closing quote, title mark or short parenthesis: take the whole group.
    const open = OPEN[w.word];
    if (open) {
      let k = j - 1;
      while (k >= 0 && words[k]!.word !== open && j - k < 24 && words[k]!.start >= floor) k--;
      if (k < 0 || words[k]!.word !== open || words[k]!.start < floor) break;
      if (words.slice(k + 1, j).some((x) => /^[，。！？；：…]+$/.test(x.word))) break;
      // A parenthesis inside a name is short: 锂白新材料科技（达州）项目, not a whole aside.
      if ((open === "（" || open === "(") && (j - k > 4 || k === 0 || PUNCT.test(words[k - 1]!.word))) break;
      if (words.slice(k + 1, j).some((x) => x.word === "摄" || x.word === "供图")) break;
      if (open !== "（" && open !== "(") quoted = true;
      first = k;
      kept++;
      j = k;
      continue;
    }
    if (
      w.word === "·" ||
      ((w.word === "—" || w.word === "－" || w.word === "-") &&
        words[j - 1]?.word !== "—" &&
        words[j + 1]?.word !== "—")
    ) {
      first = j;
      continue;
    }
    if (PUNCT.test(w.word) || w.word === "—" || w.word === "“" || w.word === "‘" || w.word === "《") break;
    // 项目2024苏州全球招商大会, 丰硕成果2024中关村论坛: a headline run into the text leaves common words before the
    // year that opens a name; only a proper name or a head (中国发展高层论坛2023年年会) carries the name on.
    if (/^\d{4}年?$/.test(w.word) && j > 0) {
      first = j;
      const prev = words[j - 1]!;
      // A person's name is no organizer (丰硕成果/nr is the segmenter's guess at a headline's words).
      if (!isProper(prev) && !/(?:论坛|会|节|赛|展)$/.test(prev.word)) break;
      if (tagOf(prev) === "nr") break;
      continue;
    }
    // 二 十国集团: a digit the segmenter split from the numeral it begins.
    if (tagOf(w) === "m" && /^[一二三四五六七八九]$/.test(w.word) && /^[十百千]/.test(words[j + 1]!.word)) {
      first = j;
      continue;
    }
    if (isOrdinal(w, words[j + 1])) {
      first = j;
      kept++;
      // 成果第11届奥林匹克峰会, 项目第22届…博览会: a session number opens a meeting's name unless its organizer or
      // series (中国共产党, 常委会, 中拉论坛, 澜湄合作) is written right before it.
      const prev = words[j - 1];
      if (
        meeting &&
        /^(?:第|首届)/.test(w.word) &&
        prev &&
        !(isProper(prev) && tagOf(prev) !== "nr") &&
        tagOf(prev) !== "j" &&
        !/^[》”）)]$/.test(prev.word) &&
        !/(?:会|坛|组织|委员会|联盟|集团|机制|合作|政府|议会|国务院|联合国|总台|电视台|共同体|团|主席|公约)$/.test(
          prev.word,
        )
      )
        break;
      continue;
    }
    const t = tagOf(w);
    if (introduces(w.word) || (w.word.length > 1 && /[的了是暨]$/.test(w.word))) break;
    // 国际货币基金组织和世界银行…会议, 工业化和农业现代化高级别会议: 和/与/及 inside a meeting's name joins two
    // organizers or two topics of one kind; a person (习近平和…) or anything else before it ends the name.
    if (meeting && /^(?:和|与|及)$/.test(w.word) && j > 0 && first === j + 1) {
      const l = tagOf(words[j - 1]!);
      const r = tagOf(words[j + 1]!);
      const noun = (x: string) => /^(?:n|vn|nz)$/.test(x);
      if (
        words[j - 1]!.start >= floor &&
        !INTRODUCING.has(words[j - 1]!.word) &&
        j + 1 < h &&
        !SCOPE_WORD.test(words[j + 1]!.word) &&
        ((/^(?:nt|ns|nz)$/.test(l) && /^(?:nt|ns|nz|nrt)$/.test(r)) || (noun(l) && noun(r)))
      ) {
        first = j;
        continue;
      }
    }
    // 中国发展高层论坛: a verbal noun in a meeting's name is its topic, not a verb that governs it.
    const nx = words[j + 1]!;
    if (meeting && t === "vn" && !INTRODUCING.has(w.word) && !isProper(nx) && !/^[“《‘]$/.test(nx.word)) {
      first = j;
      kept++;
      continue;
    }
    // 汉江特大桥, 中农储智慧农博城: a one-character adverb, adjective or morpheme between proper names is the
    // segmenter's split of an unknown name.
    if (w.word.length === 1 && /^(?:d|a|zg)$/.test(t) && j > 0 && isProper(words[j - 1]!) && isProper(words[j + 1]!)) {
      first = j;
      continue;
    }
    // 饱满的画面展现大会: a verb right before a meeting's head whose subject follows 的 governs the head; a verb
    // in a name (创新大赛, 出版论坛) has no 的 before it.
    if (meeting && j === h - 1 && /^v/.test(t) && t !== "vn" && words[j - 2]?.word === "的") break;
    if (w.word === "摄" || w.word === "供图" || /^(?:p|c|d|ad|r|q|u[a-z]*|y|e|o|zg|vg|f|t|m|mq)$/.test(t)) {
      // A one-character place word (北总干渠) is part of the name; 北部, 以来 are not.
      if (t === "f" && w.word.length === 1 && !/^[上下中内外里前后]$/.test(w.word)) {
        first = j;
        continue;
      }
      // 前海深港: a place word that ends in no direction or position (前海/f) is a place's name; so is a one-character
      // place word before a one-character noun, a name the segmenter split (前 海).
      // 黄河上游拉西瓦水电站: a place word after a river's or a region's name is part of the name.
      if (
        t === "f" &&
        w.word.length === 2 &&
        (!/[上下前后内外中间边面方部里头来东西南北左右旁游线侧端]$/.test(w.word) || (j > 0 && isProper(words[j - 1]!)))
      ) {
        first = j;
        kept++;
        continue;
      }
      if (
        t === "f" &&
        w.word.length === 1 &&
        first === j + 1 &&
        words[j + 1]!.word.length === 1 &&
        tagOf(words[j + 1]!) === "n"
      ) {
        first = j;
        continue;
      }
      // 仙居县下汤: a one-character place word after a proper name is part of it.
      if (t === "f" && w.word.length === 1 && j > 0 && isProper(words[j - 1]!)) {
        first = j;
        continue;
      }
      // 2024年, 旧石器时代, 一季度: a year, a period or a quarter, not the time of the sentence.
      if (
        /^(?:t|mq|m)$/.test(t) &&
        (/^\d{4}年?$/.test(w.word) || /(?:时代|时期|季度|半年|[春夏秋冬]季)$/.test(w.word))
      ) {
        first = j;
        continue;
      }
      break;
    }
    if (/^(?:v|i|l)/.test(t)) {
      const next = words[j + 1]!;
      // 全省加力提速工业经济高质量发展大会: verbs right after a scope word (全省, 全市) belong to the name.
      let k = j;
      while (k > 0 && /^v/.test(tagOf(words[k - 1]!)) && !INTRODUCING.has(words[k - 1]!.word)) k--;
      if (k > 0 && SCOPE.test(words[k - 1]!.word) && words[k - 1]!.start >= floor) {
        first = k - 1;
        kept += j - k + 2;
        j = k - 1;
        continue;
      }
      // 智能网联, 西气东输, 武王墩: a one-character verb after a noun is part of the compound the segmenter broke.
      if (t.startsWith("v") && w.word.length === 1 && j > 0 && /^(?:n|nr|ns|nz|x)$/.test(tagOf(words[j - 1]!))) {
        first = j;
        kept++;
        continue;
      }
      // A verb that governs the name: its object starts with a proper noun or a quote, or is already long.
      // A verb that governs the name: its object starts with a proper noun or a quote, or is already two words
      // long (完成河道修复工程 stops at 完成; 搬迁升级项目 keeps its verbs).
      const governs = isProper(next) || next.word === "“" || next.word === "《" || next.word === "‘" || kept >= 2;
      if (governs && !EVENT_VERBS.test(w.word)) break;
      first = j;
      kept++;
      continue;
    }
    first = j;
    kept++;
  }
  // A name does not start with a verb, adverb or adjective: 完成矿坑修复工程 → 矿坑修复工程, 修复工程 → 工程.
  while (first < h) {
    const w = words[first]!;
    const t = tagOf(w);
    if (isOrdinal(w, words[first + 1])) break;
    if ((/^(v|vd|vi|vn|ad|d|a|i|l)$/.test(t) && !EVENT_VERBS.test(w.word)) || /^(?:·|和|与|及)$/.test(w.word)) first++;
    else break;
  }
  return { start: words[first]!.start, first, quoted };
}

/**
 * The text with ASCII double quotes turned into “ and ” by turns within each line, and the words re-read from it, so
 * that pages whose layout kept "…" quote like the rest. Offsets do not change.
 */
export function curlyQuotes(text: string, words: Word[]): { text: string; words: Word[] } {
  if (!text.includes('"')) return { text, words };
  let open = false;
  const curly = text.replace(/["\n]/g, (c) => {
    if (c === "\n") {
      open = false;
      return c;
    }
    open = !open;
    return open ? "“" : "”";
  });
  return {
    text: curly,
    words: words.map((w) => (w.word.includes('"') ? { ...w, word: curly.slice(w.start, w.end) } : w)),
  };
}
