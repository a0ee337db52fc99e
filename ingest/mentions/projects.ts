// Project mentions: a name ending in a project head (工程, 项目, 产业园, 小镇, 渡槽, 遗址 …) whose left edge the
// segmenter's words decide (event-names.ts); “…”-quoted and 《…》-titled names; the items of a list that ends in
// 等N个项目; phases (一期工程) of the project the article names. A head with only generic words before it (重点项目,
// 这一项工程), or only common words (水环境综合整治工程), is no project.
import type { Word } from "../segmenter.js";
import { CharTable } from "../text.js";
import { governs, isOrdinal, isProper, leftEdge, tagOf } from "./event-names.js";
import { firstOfOverlapping, longestFirst, type Mention } from "./types.js";

/** Heads that end a project name; `plain` heads make a name without quotes or a proper noun when long enough. */
const HEADS: Array<[string, "plain" | "cued" | "quoted"]> = [
  ["遗址群", "plain"],
  ["产业园", "plain"],
  ["试验区", "plain"],
  ["遗址", "plain"],
  ["工程", "plain"],
  ["项目", "cued"],
  ["小镇", "plain"],
  ["廊道", "cued"],
  ["隧洞", "cued"],
  ["墓", "cued"],
  ["渡槽", "cued"],
  ["平台", "cued"],
  ["基地", "cued"],
  ["计划", "cued"],
  ["行动", "cued"],
  ["试点", "cued"],
  ["示范区", "cued"],
  ["先行区", "cued"],
  ["课堂", "quoted"],
  ["之家", "quoted"],
];
/** Words after a head that make it part of another word: 工程师, 工程学院, 项目部, 平台公司. */
const NOT_END =
  /^(?:[\u4e00-\u9fff]{0,3}?(?:中心|研究院|研究所|实验室|学院|大学|公司|集团|有限|项目部|指挥部|管理局|管理处)|[\u4e00-\u9fff]{0,2}部(?![署分门])|师|组|局|处|队|学|系|专业|技术|造价|建设者|款|经理|负责人|之一|遗产|名录)/;
/** Last words of a modifier that describe a kind, not a name: 创新领域项目, 相关遗址, 配套工程. */
const KIND_TAIL = /^(?:领域|方面|行业|类|型|性|相关|有关|等|各类|配套|特色|之)$/;
/** Organization words ending a company's name inside a site office's name (中铁十二局集团X工程项目部). */
const ORG_WORD = /^(?:集团|公司|有限公司|股份有限公司|局|分公司)$/;
/** Modifiers that name no particular project: 重点项目, 这一项工程, 重要水资源配套工程. */
const GENERIC =
  /^(?:重点|重大|省级|市级|县级|国家级|国家|有关|相关|各类|各项|各级|这些|这个|这一?|该|此|其他|一批|一些|多个|配套|骨干|民生|基础设施|水利|产业|关联|新|老|大型|重要|示范|标志性|控制性|节点|主体|建设|在建|新建|续建|招商|外资|优质|年度|全省|全市|全县|全国|全区|首批|一项|本|我市|我省|我县|我区|省|市|县|区|新开工|援青|公益|合作|文化|旅游|数字|工业|农业|改造|提升|扩建|整治|治理|修复|区域|跨区域|地方|城市|乡村|农村|生态|环境|试点|重点工作|对口|帮扶|对口帮扶|援建|援助|扶贫)*$/;
/**
 * Evaluating words right before the head: 广西南横高速公路重点控制性工程, “十四五”规划重点项目, 成渝中线高铁控制性节点工程
 * call something a key part or a key project of what the modifier names; the name, if any, is another one.
 */
const DESCRIPTOR_TAIL = /(?:重点|重大|重要|控制性|节点|结点|关键|标志性)$/;
/** A sport or a competition zone: 越野滑雪、速度滑冰等项目, 哈尔滨冰上项目, 世锦赛跳水项目. */
const SPORT =
  /(?:运动|跳水|滑雪|滑冰|速滑|冰球|冰壶|冰上|雪上|游泳|田径|体操|射击|举重|击剑|摔跤|拳击|柔道|马拉松|滑翔伞|攀岩|骑行|露营|冲浪|帆船|赛车|全地形车|比赛|赛事|竞技|体育)$/;
/** A platform that is a structure at sea or a launcher, not an undertaking: 里海油气钻井平台, 储卸油平台. */
const STRUCTURE_PLATFORM = /(?:钻井|油气|石油|采油|储油|卸油|生产|作业|发射|养殖|亲水|舱外)$/;
/** 计划, 试点 and 行动 are verbs after a time word or an adverb (城市开始试点, 粤港澳大湾区今起试点). */
const ASPECT = /^(?:开始|启动|开展|完成|进行|继续|扩大|开启|全面完成|今起|正式|率先)$/;
/** 美国政府计划…, 以军计划…: 计划 right after the one who plans is the verb. */
const AGENT = /(?:政府|当局|军|方|部|企业|公司|集团|委员会|安理会|内阁|武装|代表团|民众|总统|国|称)$/;
/** Leftovers of the segmenter that hold a function or generic character (年省, 内的). */
const X_LEFTOVER_LIKE = /[的了在和与及是为将对把从到向等年月日省市县区个项大小多各新]/;
const PHASE = /^[一二三四五六七八九十]+期(?:[一二三四五六七八九十]+步)?(?:主体)?$/;
const QUOTED_LIST =
  /((?:“[^”，。；]{2,20}”、?){2,8})等[两三四五六七八九十\d]*[个条项批座处]?([\u4e00-\u9fff]{0,8}?(?:廊道|工程|项目|产业园|小镇|基地|平台|计划|行动))/g;
/** Kinds of line or site a list writes once for all its items (…、合肥至武汉、南昌至九江高铁等项目). */
const ROUTE_KIND = /(?:高速铁路|高铁|城际铁路|铁路|高速公路|公路|机场|水库|大桥|隧道|航道|运河)$/;
/** A route written by its ends (合肥至武汉, 福州至厦门至漳州), without a section (…段). */
const ROUTE = /^[\u4e00-\u9fff]{2,8}(?:至[\u4e00-\u9fff]{2,8})+(?<![段线])$/;
const LIST_END = /等(?:[\d一二三四五六七八九十百]+(?:个|项|大))?[\u4e00-\u9fff]{0,4}?项目/g;

/** 浙江仙居县下汤遗址: a province short name before a city or county only locates the name. */
const PROVINCE_LEAD =
  /^(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)(?=[\u4e00-\u9fff]{1,4}[市县区州盟旗])(?!省)/;

function project(text: string, start: number, end: number, via: string): Mention {
  // A line break or a space before the name (a station read from the line above) is no part of it.
  while (start < end && /\s/.test(text[start]!)) start++;
  const lead = PROVINCE_LEAD.exec(text.slice(start, end))?.[0].length ?? 0;
  const surface = text.slice(start + lead, end);
  // Quotes around the whole name go; quotes inside it stay (“爱山东”政务服务平台).
  const canonical = surface.replace(/^《(.*)》$/, "$1").replace(/^“([^“”]*)”$/, "$1");
  return { type: "Project", start: start + lead, end, text: surface, canonical, props: {}, via };
}

/** 工程建设, 项目部: the segmenter joins a head to the word after it; read them apart. */
function splitHeads(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const m = w.word.length > 2 && JOINED_FIRST.at(w.word, 0) ? JOINED_HEAD.exec(w.word) : null;
    if (!m) {
      out.push(w);
      continue;
    }
    const cut = w.start + m[1]!.length;
    out.push({ word: m[1]!, tag: "n", start: w.start, end: cut }, { word: m[2]!, tag: "n", start: cut, end: w.end });
  }
  return out;
}

/** A count after the name (项目超过1.3万个, 遗址群之一). */
const COUNTED_AFTER =
  /^(?:之一|(?:已?超过?|已?达到?|共|累计|近|逾|多达|已有)?[\d一二三四五六七八九十百千万.]+(?:多|余)?(?:万|亿)?(?:个|项|座|处|家|条))/;
/** Time words at the start of a modifier (一季度全国新开工水利项目): they date the count, they name nothing. */
const TIME_LEAD = /^(?:\d{4}年|今年|去年|明年|[一二三四]季度|上半年|下半年|前[一二三四五六七八九十]+个?月)+/;
/** 是/作为 opening a clause that ends in 的 before the name: the name is the predicate's kind. */
const PREDICATE = /^(?:[^，。；]*?(?:是|作为|成为))[^，。；]*的$/;
function clauseStart(text: string, at: number): number {
  return Math.max(text.lastIndexOf("，", at - 1), text.lastIndexOf("。", at - 1), text.lastIndexOf("；", at - 1)) + 1;
}

const JOINED_HEAD = /^(工程|项目)(建设|施工|部)$/;
/** The first characters of JOINED_HEAD's words. */
const JOINED_FIRST = new CharTable("工项");
/** The heads by their last character, in the order of HEADS: a word ending in none of them ends in no head. */
const HEADS_BY_LAST = new Map<number, typeof HEADS>();
for (const head of HEADS) {
  const last = head[0].charCodeAt(head[0].length - 1);
  HEADS_BY_LAST.set(last, [...(HEADS_BY_LAST.get(last) ?? []), head]);
}
const HEAD_LAST = new CharTable(HEADS.map(([s]) => s.at(-1)!));

export function findProjects(text: string, allWords: Word[], orgs: Mention[], places: Mention[] = []): Mention[] {
  const words = splitHeads(allWords);
  const out: Mention[] = [];
  for (let h = 0; h < words.length; h++) {
    const w = words[h]!;
    const head = HEAD_LAST.at(w.word, w.word.length - 1)
      ? HEADS_BY_LAST.get(w.word.charCodeAt(w.word.length - 1))!.find(([s]) => w.word.endsWith(s))
      : undefined;
    if (!head) continue;
    // 按计划 is no plan: a head inside a longer word counts only where that word is a noun.
    if (w.word !== head[0] && !/^(?:n|nz|nt|ns|l|j|vn)$/.test(tagOf(w))) continue;
    if (/^[按依照据如在于为]/.test(w.word) && w.word !== head[0]) continue;
    // 公司计划投资, 立即行动起来: 计划 and 行动 followed by a verb are verbs.
    if (/^(?:计划|行动|试点)$/.test(w.word) && /^(?:v|d|p|t)/.test(tagOf(words[h + 1] ?? w)) && text[w.end] !== "”")
      continue;
    const after = text.slice(w.end, w.end + 6);
    // 中铁十二局集团X工程项目部: the project is X, run by the company before it.
    const office =
      /^(?:项目)?(?:建设)?(?:部|组|指挥部)/.test(after) || (w.word.endsWith("工程项目") && /^部/.test(after));
    let end = w.end;
    if (office && w.word.endsWith("项目") && w.word !== "项目") end -= 2;
    else if (NOT_END.test(after) && !office) continue;
    // 元明清制瓷业遗址群: the segmenter leaves 群 apart.
    if (text[end] === "群" && /遗址$/.test(w.word)) end++;
    // “5G+工业互联网”项目超过1.3万个, …遗址群之一: a counted thing or one of a class is a kind, not one project.
    if (COUNTED_AFTER.test(text.slice(end, end + 12))) continue;
    const inQuote = text[end] === "”" && text.lastIndexOf("“", end) > text.lastIndexOf("”", end - 1);
    if (inQuote) {
      const open = text.lastIndexOf("“", end);
      if (end - open > 30 || /[，。、；！？]/.test(text.slice(open, end))) continue;
      // “低空技术与工程”新专业: a field of study, not an undertaking.
      if (/^”(?:新|等)?(?:专业|学科|课程)/.test(text.slice(end, end + 4))) continue;
      // “有针对性的军事行动”: a quoted phrase with 的 is words someone said, not a name.
      if (text.slice(open, end).includes("的")) continue;
      // “五大行动”: a count of programmes, not one.
      if (/^“[两二三四五六七八九十]+大/.test(text.slice(open, end))) continue;
      out.push(project(text, open + 1, end, "quoted-project"));
      continue;
    }
    if (head[1] === "quoted" && text[w.start - 1] !== "”") continue;
    const edge = leftEdge(words, h, Math.max(0, w.start - 60));
    let first = edge.first;
    // 向家坝灌区工程岷江江底隧洞: a project named inside the modifier ends it; the part after it is its own. In a
    // site office's name the company before the project is its builder, not part of the name.
    for (let k = h - 1; k >= first; k--)
      if (/(?:工程|项目|遗址)$/.test(words[k]!.word) || (office && ORG_WORD.test(words[k]!.word))) {
        first = k + 1;
        if (first >= h) first = -1;
        break;
      }
    if (first < 0) continue;
    // 苇河至亚布力南站铁路电气化改造工程: a route's name reads from its first station.
    const link = words[first - 1];
    const from = words[first - 2];
    if (
      link &&
      from &&
      /^[至到]$/.test(link.word) &&
      from.start >= Math.max(0, w.start - 60) &&
      from.word.length >= 2 &&
      /^(?:n|ns|nr|nz|j|x)$/.test(tagOf(from)) &&
      (isProper(words[first]!) || /^(?:n|ns)$/.test(tagOf(words[first]!)))
    ) {
      first -= 2;
      // 雄安 新区至…: the first station's name may be two words.
      if (first > 0 && /^(?:ns|nz|j)$/.test(tagOf(words[first - 1]!)) && words[first - 1]!.start >= w.start - 60)
        first--;
    }
    const prev = words[first - 1];
    // 一处旷野遗址, 14个重点项目: a counted noun is a kind of thing.
    if (prev && /^(?:m|q|mq)$/.test(tagOf(prev)) && !isOrdinal(prev)) continue;
    const mod = words.slice(first, h);
    const modText = text.slice(words[first]!.start, w.start) + w.word.slice(0, -head[0].length);
    const quoted = edge.quoted || /[“”‘’《》]/.test(modText);
    // jieba files common words as person names (养老/nr, 智慧/nr, 田园/nr); a 项目 or 平台 is seldom named after a
    // person, so before a cued head a person-name tag alone does not make the modifier a name.
    const proper =
      mod.some(
        (x) =>
          isProper(x) && (head[1] !== "cued" || !(tagOf(x) === "nr" || (tagOf(x) === "nrt" && x.word.length === 2))),
      ) || orgs.some((o) => o.start >= words[first]!.start && o.end <= w.start);
    const core = modText.replace(/[“”‘’]/g, "");
    if (!core || (!quoted && GENERIC.test(stripOrdinals(mod, core).replace(TIME_LEAD, "")))) {
      if (PHASE.test(core)) out.push({ ...project(text, words[first]!.start, end, "phase"), canonical: "" });
      continue;
    }
    if (PHASE.test(core)) {
      out.push({ ...project(text, words[first]!.start, end, "phase"), canonical: "" });
      continue;
    }
    if (mod.length && KIND_TAIL.test(mod.at(-1)!.word)) continue;
    // “十四五”规划重点项目, …控制性节点工程: a key part of something, not a name (“智改数转”示范项目 stays).
    if (DESCRIPTOR_TAIL.test(core) && !/”$/.test(modText)) continue;
    // 万兆光网试点项目, 西十高铁全线桥隧工程: a pilot of a kind, or the works along a whole line, unnamed.
    if (!quoted && (/试点$/.test(core) || /全线./.test(core))) continue;
    // 作为…的国际航运综合物流服务平台, 是…建设的过江通道项目: a predicate after 是/作为…的 says what a thing is.
    if (
      !quoted &&
      head[1] === "cued" &&
      prev?.word === "的" &&
      PREDICATE.test(text.slice(clauseStart(text, w.start), words[first]!.start))
    )
      continue;
    // 全球最大生产基地, 东北地区规模最大跨海大桥工程, 两大能源基地: a superlative or a count describes, it names nothing.
    if (!quoted && /最[大长高深宽多先早]|(?:^|[^十])[两二三四五六七八九]大/.test(core)) continue;
    // 企业数量和产值“双倍增”行动: a name that starts after 和 with a common word is the second half of a longer one.
    if (
      prev &&
      /^(?:和|与|及)$/.test(prev.word) &&
      words[first]!.word !== "“" &&
      !isProper(words[first]!) &&
      tagOf(words[first]!) !== "ns"
    )
      continue;
    // 计划, 试点, 行动 as verbs: 城市开始试点, 美国政府计划.
    if (/^(?:计划|试点|行动)$/.test(w.word) && !quoted) {
      const before = words[h - 1];
      if (before && (ASPECT.test(before.word) || /^(?:d|ad|t)$/.test(tagOf(before)))) continue;
      if (before && w.word === "计划" && (AGENT.test(before.word) || /^(?:nt|ns|nr|nrt|j)$/.test(tagOf(before))))
        continue;
    }
    // 搭平台, 全平台: one character before a cued head names nothing.
    if (head[1] === "cued" && !quoted && [...core].length < 2) continue;
    if (head[0] === "平台" && !quoted && STRUCTURE_PLATFORM.test(core)) continue;
    // 俄罗斯项目, 广西项目, 埃及重要基础设施项目: a place and a head, or a place and generic words, name the
    // projects of a place, not one project.
    if (!quoted && mod.length === 1 && tagOf(mod[0]!) === "ns" && w.word === head[0]) continue;
    const placeLed = places.find((o) => o.start === words[first]!.start && o.end < w.start);
    // 河北崇礼小镇: places alone before the head name a place's town or projects, not one undertaking.
    let covered = words[first]!.start;
    for (const p of places.filter((o) => o.start >= covered && o.end <= w.start).sort((a, b) => a.start - b.start))
      if (p.start === covered) covered = p.end;
    if (!quoted && covered === w.start && w.word === head[0]) continue;
    // 一项项…项目, 昆仑一系列专项行动: a count of things is no name.
    if (/(?:^一[项个批座条]{1,2}|一系列)/.test(modText)) continue;
    if (!quoted && placeLed && GENERIC.test(text.slice(placeLed.end, w.start) + w.word.slice(0, -head[0].length)))
      continue;
    if (/·/.test(core) && GENERIC.test(core.slice(core.lastIndexOf("·") + 1))) continue;
    if (head[1] === "quoted" && !quoted) continue;
    // 西周时期遗址, 旧石器时代晚期旷野遗址: a site named by its period alone, or after one, is described.
    if (/遗址/.test(head[0]) && !quoted) {
      const period = (x: Word) => /(?:时代|时期|[早中晚]期|文化)$/.test(x.word) || tagOf(x) === "t";
      if (mod.every((x) => period(x) || GENERIC.test(x.word)) || (prev && period(prev))) continue;
    }
    // 武王墩一号墓: a tomb is named with its number.
    if (head[0] === "墓" && (w.word !== "墓" || !isOrdinal(words[h - 1] ?? w))) continue;
    // 世锦赛跳水项目, 传统运动项目, 传统文化项目: an event of a sport or a field is a kind, not an undertaking.
    if (head[0] === "项目" && !quoted && (SPORT.test(core) || /文化$/.test(core))) continue;
    // 苏丹采取集体行动, 展开联合行动: an operation is a named programme only with a quoted name (“清朗”专项行动).
    if (head[0] === "行动" && !quoted) continue;
    if (head[1] === "cued" && !quoted && !proper) continue;
    // 美军基地, 导弹生产基地, “胜利营”基地: a military base is a site, not an undertaking.
    if (head[0] === "基地" && /[军营弹]|^[俄美英法]$/.test(core)) continue;
    // A plain head needs a name in its modifier: a proper noun, a place or body the article names, or a word the
    // segmenter does not know (格库铁路扩能改造工程, 燕罗…产业园). Common words alone (水环境综合整治工程,
    // 国家现代农业产业园, 大豆单产提升工程) name a kind of undertaking that many places run.
    const unknown = mod.some(
      (x) => tagOf(x) === "x" && /^[\u4e00-\u9fff]{2,}$/.test(x.word) && !X_LEFTOVER_LIKE.test(x.word),
    );
    // A site is named by its place, often in common words (城头山遗址): it keeps the older test below. So does a
    // name the article uses again (地理信息小镇 … 小镇): it treats the words as a name.
    // 国家现代农业产业园: a national or provincial designation in common words is a class many places hold.
    const designation = /^(?:国家|国家级|省级|市级)$/.test(mod[0]?.word ?? "");
    const again = !designation && text.indexOf(core + head[0], text.indexOf(core + head[0]) + 1) >= 0;
    if (!quoted && !proper && !unknown && !again && !/遗址/.test(head[0])) continue;
    if (!quoted && !proper) {
      // A plain name is long, is not a category (…之一) and does not start with an adjective.
      // 深海采油工程, 航空航天工程: a short plain modifier of 工程 is a field, not a name.
      const min = head[0] === "工程" ? 6 : head[0] === "遗址" ? 3 : 4;
      if ([...core].length < min || /^之一/.test(text.slice(end)) || /^(a|b)$/.test(tagOf(mod[0] ?? w))) continue;
      // 重要水资源配套工程, …的控制性节点工程: a plain name after an adjective or 的 describes, it does not name.
      if (prev && (prev.word === "的" || /^(a|ad)$/.test(tagOf(prev)))) continue;
    }
    // 400万吨/年二氧化碳捕集封存示范项目: 年 of a rate before the name is not its year.
    if (words[first]!.word === "年" && first + 1 < h) first++;
    // 首批国家生态文明试验区: which batch it was in is not part of the name.
    if (/^(?:首批|第[一二三四五六七八九十\d]+批)$/.test(words[first]!.word) && first + 1 < h) first++;
    let start = words[first]!.start;
    // 国家“东数西算”工程: a generic word before the quoted part is not in the name.
    const q = text.indexOf("“", start);
    if (quoted && q > start && q < end && GENERIC.test(text.slice(start, q))) start = q;
    out.push(project(text, start, end, quoted ? "quoted-name" : "project-head"));
  }
  out.push(...listItems(text, words, [...orgs, ...places]));
  // A company's project: 鲁西化工集团股份有限公司己内酰胺·尼龙6项目, with its phase (一期).
  for (const c of orgs) {
    if (c.props.kind !== "company") continue;
    const m = /^[\u4e00-\u9fffA-Za-z0-9·-]{2,40}?项目(?:[（(][一二三四五六七八九十\d]+期[）)])?/.exec(
      text.slice(c.end, c.end + 50),
    );
    // What lies between the company and 项目 is the project's own name, never a clause (…公司承建了…的改造项目).
    const clause =
      m &&
      (/[的了]/.test(m[0]) || /^(?:承建|建设|投资|实施|推进|完成|启动|开工|负责|参与|打造|引进|签约|承担)/.test(m[0]));
    if (
      m &&
      !clause &&
      !/^[并和与及的在将对把为了、]/.test(m[0]) &&
      !/^(?:部|组|指挥部)/.test(text.slice(c.end + m[0].length))
    )
      out.push(project(text, c.start, c.end + m[0].length, "company-project"));
  }
  // 《…计划》, 《…方案》: a titled plan is named whole.
  for (const m of text.matchAll(/《([^》]{4,60}?(?:计划|规划|方案|工程|行动|项目)(?:[（(][^）)]{2,16}[）)])?)》/g)) {
    // 《把规划蓝图转化为…的实际行动》 is a headline, a sentence of its own; a plan's title does not open with 把 or 将.
    if (/^(?:把|将|让|使|用|向)/.test(m[1]!)) continue;
    out.push(project(text, m.index, m.index + m[0].length, "titled-plan"));
  }
  return firstOfOverlapping(out.sort(longestFirst));
}

function stripOrdinals(mod: Word[], core: string): string {
  let s = core;
  mod.forEach((w, i) => {
    if (isOrdinal(w, mod[i + 1])) s = s.replace(w.word, "");
  });
  return s;
}

/** 裕宏泰新型磷酸盐系正极材料、辽宁星空钠离子电池等11个产业项目: each item before 等…项目 is a project. */
function listItems(text: string, words: Word[], anchors: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(LIST_END)) {
    let at = m.index;
    const items: Array<{ m: Mention | null; proper: boolean }> = [];
    let sport = false;
    for (let n = 0; n < 8; n++) {
      const sep = text.lastIndexOf("、", at - 1);
      const clause = Math.max(
        text.lastIndexOf("，", at - 1),
        text.lastIndexOf("。", at - 1),
        text.lastIndexOf("；", at - 1),
      );
      const from = Math.max(sep, clause) + 1;
      let start = from;
      if (sep < clause || sep < 0) {
        // The first item: cut at the verb or preposition before it (先后引入X、Y等项目).
        // 设计了X、Y等项目: a particle or conjunction before the item ends the clause before it too.
        for (let k = 0; k < words.length && words[k]!.start < at; k++)
          if (
            words[k]!.start >= from &&
            ((governs(words, k) && !/^[至到]$/.test(words[k]!.word)) || /^(?:u[a-z]*|c)$/.test(tagOf(words[k]!)))
          )
            start = words[k]!.end;
      }
      const item = text.slice(start, at);
      // 北京友谊宾馆和北京隆福寺商业步行街: two names joined by 和 are not one item.
      const joined = words.some((x) => x.start > start && x.end < at && /^(?:和|与|及|以及)$/.test(x.word));
      if (SPORT.test(item)) sport = true;
      if (joined) items.push({ m: null, proper: false });
      else if (/项目$/.test(item)) items.push({ m: null, proper: true });
      else if (/[\u4e00-\u9fff]{3,}/.test(item) && item.length <= 24 && !/[“”]/.test(item)) {
        const ws = words.filter((x) => x.start >= start && x.end <= at);
        const named =
          ws.some((x) => isProper(x) || (tagOf(x) === "x" && x.word.length >= 2 && !X_LEFTOVER_LIKE.test(x.word))) ||
          anchors.some((o) => o.start >= start && o.end <= at);
        items.push({ m: project(text, start, at, "list-item"), proper: named });
      }
      if (sep < clause || sep < 0) break;
      at = sep;
    }
    // Items of one list are of one kind: a list of more than one item names projects where most of its items
    // hold a name (短道速滑、越野滑雪等项目 and 铁路、城市基础设施等项目 name kinds).
    const named = items.filter((i) => i.proper).length;
    if (items.length < 2 || named * 2 <= items.length || sport) continue;
    // 成渝中线、合肥至武汉、南昌至九江高铁等项目: the last item's kind is the kind of the items written without it.
    const kind = ROUTE_KIND.exec(items[0]?.m?.text ?? "")?.[0];
    for (const i of items) {
      if (!i.m) continue;
      if (kind && ROUTE.test(i.m.text) && !ROUTE_KIND.test(i.m.text))
        out.push({ ...i.m, canonical: i.m.canonical + kind });
      else out.push(i.m);
    }
  }
  // “肇庆—梧州”“肇庆—贺州”等两条省际睦邻廊道: each quoted item with the kind that follows.
  for (const m of text.matchAll(QUOTED_LIST)) {
    // “铁拳”“昆仑”等一系列专项行动: the count is not part of the kind; 等重要项目 names no kind at all.
    const kind = m[2]!.replace(/^(?:一系列|系列|一批|多个|多项|各类|各项)/, "");
    if ([...m[1]!.matchAll(/“([^”]+)”/g)].some((q) => SPORT.test(q[1]!) || /球$/.test(q[1]!))) continue;
    const bare = kind.replace(/(?:廊道|工程|项目|产业园|小镇|基地|平台|计划|行动)$/, "");
    if (bare && (GENERIC.test(bare) || DESCRIPTOR_TAIL.test(bare))) continue;
    for (const q of m[1]!.matchAll(/“([^”]+)”/g)) {
      const start = m.index + q.index + 1;
      out.push({ ...project(text, start, start + q[1]!.length, "quoted-list"), canonical: q[1]! + kind });
    }
  }
  return out;
}
