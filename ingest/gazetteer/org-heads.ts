// Words that end organization names (heads): the list derived from annotated corpora (org-heads.generated.ts)
// plus the heads of bodies Chinese local news names daily and those corpora rarely hold (village and party
// branches, studios, cooperatives, labs, libraries).
import { ORG_SUFFIXES } from "./lexicon.js";
import { DERIVED_ORG_HEADS } from "./org-heads.generated.js";
import { DERIVED_TITLES } from "./titles.generated.js";
import { CharTable } from "../text.js";

/** Derived heads that end names of delegations, teams, groups or titles of papers rather than standing bodies. */
const LEFT_OUT = new Set([
  "队",
  "女队",
  "男队",
  "二队",
  "男排",
  "女排",
  "龙舟队",
  "国家队",
  "足球队",
  "代表团",
  "访华团",
  "访问团",
  "报告团",
  "主席团",
  "小组",
  "领导小组",
  "联络小组",
  "代表大会",
  "全国人民代表大会",
  "共同体",
  "地产",
  "实业",
  "股份",
  "师范",
  "报",
  "时报",
  "日报",
  "周刊",
  "海军",
  "空军",
  "陆军",
  "二厂",
  "系",
  "委",
  "司",
  "署",
  "院",
  "社",
  "煤矿",
]);

/** Organization suffixes that are not heads themselves: a shorter tail is (公司, 检察院), or other rules read them. */
const LONGER_FORMS = new Set([
  "集团股份有限公司",
  "股份有限公司",
  "有限责任公司",
  "人民检察院",
  "人民政府",
  "新闻办",
  "工作组",
  "监委",
  "台",
]);

const CORE = [
  // The organization suffixes of the shared lexicon, but for longer forms whose shorter tail is the head
  // (股份有限公司 → 公司, 人民检察院 → 检察院) and those left out above.
  ...ORG_SUFFIXES.filter((s) => !LONGER_FORMS.has(s) && !LEFT_OUT.has(s)),
  // 农科院, 社科院, 林科所: academies and institutes written short.
  "科院",
  "科所",
  "党支部",
  "党总支",
  "村委会",
  "居委会",
  "村民委员会",
  "居民委员会",
  "科协",
  "专业合作社",
  "联合社",
  "工作室",
  "杂志社",
  "出版社",
  "实验室",
  "重点实验室",
  "研究中心",
  "图书馆",
  "博物馆",
  "博物院",
  "美术馆",
  "纪念馆",
  "文化馆",
  "科技馆",
  "幼儿园",
  "学校",
  "卫生院",
  "法院",
  "检察院",
  "分局",
  "分公司",
  "子公司",
  "服务团",
  "办公厅",
  "团委",
  "妇联",
  "总工会",
  "分行",
  "支行",
];

/** Every head, longest first within each word's possible suffixes. */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  ...CORE,
  ...DERIVED_ORG_HEADS.map(([w]) => w).filter((w) => !LEFT_OUT.has(w)),
]);

export const MAX_HEAD = Math.max(...[...ORG_HEADS].map((h) => h.length));

/** First and last characters of the heads: a word that ends (or starts) with none of them holds no head there. */
export const HEAD_FIRST = new CharTable([...ORG_HEADS].map((h) => h[0]!));
const HEAD_LAST = new CharTable([...ORG_HEADS].map((h) => h.at(-1)!));

/**
 * Heads that name a unit inside a body (办公室, 品宣部, 工程管理部, 民一庭): followed by a title, the unit is where
 * the person works and the body before it is the organization (…有限公司办公室主任 → …有限公司).
 */
export const SUB_UNIT = /(?:办公室|部|处|科|室|庭|组|队|车间|项目部|学院|系)$/;

/** Titles that may follow an organization name directly (局长 after 局 in 局局长, 主任 after 办公室). */
const TITLE_WORDS =
  /^(?:副?(?:局长|部长|院长|所长|校长|馆长|社长|处长|科长|主任|书记|主席|理事长|会长|秘书长|董事长|总经理|经理|总监|总工|庭长|站长|行长|厂长|负责人|委员|常委|调研员|研究员|教授|主理人|法官|成员))/;
const TITLES = new Set(DERIVED_TITLES);

/** Whether a title of office opens the text (主任…, 三级调研员…): from a short list and the derived titles. */
export function titleAt(text: string): boolean {
  if (TITLE_WORDS.test(text)) return true;
  for (let n = 2; n <= Math.min(6, text.length); n++) if (TITLES.has(text.slice(0, n))) return true;
  return false;
}

/** Whether a whole word is a title of office or a deputy's seat (局长, 人大代表, 政协委员): no word of a body's name. */
export function isTitleWord(word: string): boolean {
  // 代表 and 委员 alone also name bodies (代表资格审查委员会, 委员会): only the deputy's seat is a title here.
  if (/^(?:代表|委员)$/.test(word)) return false;
  return word.length >= 2 && (TITLES.has(word) || /^(?:人大|政协)(?:代表|委员)$/.test(word));
}

/** What may follow a head inside one segmenter word: a title (局局长) or 等 (部等). */
export const TITLE_AFTER = { test: (rest: string) => rest === "等" || (rest.length >= 2 && titleAt(rest)) };

/** The head a word ends with (longest), or null. */
export function headOf(word: string): string | null {
  if (!HEAD_LAST.at(word, word.length - 1)) return null;
  for (let n = Math.min(MAX_HEAD, word.length); n >= 1; n--) {
    const tail = word.slice(word.length - n);
    if (ORG_HEADS.has(tail)) return tail;
  }
  return null;
}
