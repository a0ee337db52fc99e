// Rules applied after the sequence model, for patterns regular enough that a rule beats a statistical
// guess: the cities of a weather table (北京晴转多云19℃／32℃天津…) and country abbreviations in
// unambiguous contexts (中美关系, 访华). Rules only add spans where the model found none.
import { relabelAbbreviations } from "./abbreviations.js";
import { MINISTRY, mergeTeams } from "./conventions.js";
import { normalizeText } from "./chars.js";
import type { NerSpan } from "./decode.js";
import { LEX_CLASSES, NUM_CLASSES, type Lexicon } from "./lexicon.js";

const WEATHER =
  "(?:晴|多云|阴|小雨|中雨|大雨|暴雨|大暴雨|雷阵雨|阵雨|雨夹雪|小雪|中雪|大雪|暴雪|阵雪|雾|霾|扬沙|浮尘|沙尘暴)";
const WEATHER_ENTRY = new RegExp(`(?<=^|℃|\\s)([\\u4e00-\\u9fa5·]{2,8}?)(?=${WEATHER}(?:转${WEATHER})?-?\\d+℃)`, "g");

function weatherPlaces(text: string, spans: NerSpan[]): NerSpan[] {
  if (!text.includes("℃")) return spans;
  const found: NerSpan[] = [];
  for (const m of text.matchAll(WEATHER_ENTRY))
    found.push({ start: m.index, end: m.index + m[1]!.length, type: "LOC" });
  if (found.length < 2) return spans; // one match is a sentence about the weather, not a table
  const kept = spans.filter((s) => !found.some((f) => f.start < s.end && s.start < f.end));
  return [...kept, ...found].sort((a, b) => a.start - b.start);
}

// Organizations best known by a short name (universities, steelworks, banks, firms) that read as
// ordinary words to a character model.
const KNOWN_ORGS =
  /北大(?![荒西])|清华|复旦|南开|邯钢|鞍钢|宝钢|首钢|武钢|一汽|二汽|中科院|社科院|足协|世行|亚行|欧盟|北约|东盟|非统|微软|英特尔|波音|空客|丰田|三菱|松下|索尼|飞利浦|可口可乐|摩托罗拉|西门子|诺基亚|爱立信|惠普|戴尔|康柏|国会|内阁|参议院|众议院/g;

function add(spans: NerSpan[], start: number, end: number, type: NerSpan["type"]): void {
  if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end, type });
}

const GOVERNMENT_BODY = /(?:部|院|局|委|委员会|署|厅|政协|人大|议会|内阁)$/;

/** 美国财政部, 中国国家教委: a country directly before a government body belongs to its name. */
function mergeGovernments(text: string, spans: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k]!,
      b = spans[k + 1];
    if (
      a.type === "LOC" &&
      b &&
      b.type === "ORG" &&
      b.start === a.end &&
      GOVERNMENT_BODY.test(text.slice(b.start, b.end))
    ) {
      out.push({ start: a.start, end: b.end, type: "ORG" });
      k++;
    } else out.push(a);
  }
  return out;
}

function organizations(text: string, spans: NerSpan[]): NerSpan[] {
  const out = [...spans];
  for (const m of text.matchAll(KNOWN_ORGS)) add(out, m.index, m.index + m[0].length, "ORG");
  // A ministry before 长 (外交部长): every match contains 部长, and most texts do not, so they skip the scan.
  const ministers = text.includes("部长") ? text.matchAll(/([\u4e00-\u9fa5]{2,4}部)(?=长)/g) : [];
  for (const m of ministers) {
    for (let k = 0; k < m[1]!.length - 2; k++) {
      if (!MINISTRY.test(m[1]!.slice(k))) continue;
      let start = m.index + k;
      const end = m.index + m[1]!.length;
      // 芬兰农林部长 → 芬兰农林部: the country belongs to the ministry's name.
      const country = out.findIndex((s) => s.end === start && s.type === "LOC");
      if (country >= 0) start = out.splice(country, 1)[0]!.start;
      add(out, start, end, "ORG");
      break;
    }
  }
  out.sort((a, b) => a.start - b.start);
  return mergeTeams(text, mergeGovernments(text, out));
}

// A surname alone is a person before a form of address (李先生, 王某, 胡老说) or after 老/小 (老于还住在):
// the convention tags the surname. Surnames that are also common words (高, 方, 向, 于…) need 老/小 or a
// form of address that cannot follow the word.
const SURNAME =
  "王李张刘陈杨赵吴周徐孙胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱薛阎雷侯史陶贺顾毛郝龚邵钱严覃戴莫孔汤葛邢庞";
const ADDRESSED = new RegExp(
  `(?<![\u4e00-\u9fa5])([${SURNAME}])(?=某|先生|女士|小姐|老师|师傅|大爷|大妈|大娘|老汉|阿姨|老(?:说|的|是|在|也|还|和|，))`,
  "g",
);
const OLD_YOUNG = new RegExp(`(?<=[老小])([${SURNAME}于])(?=说|还|也|就|和|是|在|，|、|。)`, "g");

// The Thomas and Uber Cups are named after people: 汤杯, 尤伯杯 tag 汤 and 尤伯 as persons.
const CUPS = /(?:汤姆斯|汤|尤伯|尤)(?=杯)/g;

function persons(text: string, spans: NerSpan[]): NerSpan[] {
  const out = [...spans];
  for (const m of text.matchAll(CUPS)) add(out, m.index, m.index + m[0].length, "PER");
  for (const re of [ADDRESSED, OLD_YOUNG]) for (const m of text.matchAll(re)) add(out, m.index, m.index + 1, "PER");
  return out.sort((a, b) => a.start - b.start);
}

const DIV = LEX_CLASSES.indexOf("DIV");
const CTRY = LEX_CLASSES.indexOf("CTRY");
const LEVEL_SUFFIX = /[省市县区州旗盟]$/;

/**
 * A full GB/T 2260 division name with its level suffix (聊城市, 高唐县) is a place even where its first
 * character is a common word (聊 as in 聊天) and the model hesitated.
 */
function divisions(text: string, spans: NerSpan[], begin: Uint8Array): NerSpan[] {
  const out = [...spans];
  for (let i = 0; i < text.length; i++) {
    const len = begin[i * NUM_CLASSES + DIV]!;
    if (len >= 3 && LEVEL_SUFFIX.test(text.slice(i, i + len))) add(out, i, i + len, "LOC");
  }
  return out.length === spans.length ? spans : out.sort((a, b) => a.start - b.start);
}

/** The longest division or country name beginning at `i` (0: none). */
function placeAt(begin: Uint8Array, i: number): number {
  return Math.max(begin[i * NUM_CLASSES + DIV]!, begin[i * NUM_CLASSES + CTRY]!);
}

/**
 * A province, city or country before a name that starts with a full division name of its own is a place of its
 * own: 河南省 + 郑州市二七司法培训学校, 吉林 + 东丰县第五中学教导处. Where what follows starts with a foreign country
 * or a short place name (美国哥伦比亚大学, 中国香港队, 贵州裕华实业公司) the convention keeps one name, and so does this.
 */
function splitLeadingPlaces(text: string, spans: NerSpan[], begin: Uint8Array): NerSpan[] {
  let changed = false;
  const out: NerSpan[] = [];
  for (const s of spans) {
    const head = s.type === "PER" ? 0 : placeAt(begin, s.start);
    const at = s.start + head;
    const inner = head >= 2 ? begin[at * NUM_CLASSES + DIV]! : 0;
    if (inner >= 3 && s.end - at > inner && LEVEL_SUFFIX.test(text.slice(at, at + inner))) {
      out.push({ start: s.start, end: at, type: "LOC" }, { start: at, end: s.end, type: s.type });
      changed = true;
    } else out.push(s);
  }
  return changed ? out : spans;
}

/**
 * `lexicon` finds the division and country names the place rules need; a caller that has scanned `text`
 * already (the tagger does) passes the scan's `begin` matches instead.
 */
export function applyRules(text: string, spans: NerSpan[], lexicon?: Lexicon | Uint8Array): NerSpan[] {
  let withPlaces = spans;
  if (lexicon) {
    const begin = lexicon instanceof Uint8Array ? lexicon : lexicon.scan(normalizeText(text), true).begin;
    withPlaces = splitLeadingPlaces(text, divisions(text, spans, begin), begin);
  }
  return relabelAbbreviations({ text, spans: persons(text, organizations(text, weatherPlaces(text, withPlaces))) })
    .spans;
}
