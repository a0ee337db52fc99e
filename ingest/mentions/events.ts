// Meeting and project mentions, found by the words that end their names (会议, 大会, 座谈会 …; 项目, 工程, 平台 …)
// with the left edge cut at the verb or preposition that introduces them.
import { firstOfOverlapping, longestFirst, type Mention } from "./types.js";

const MEETING_END =
  "常委会会议|常务会议|联席会议|视频会议|工作会议|会议|代表大会|大会|座谈会|发布会|推进会|调度会|现场会|观摩会|动员会|部署会|培训班|论坛|博览会|交易会|峰会|全会|集体学习|报告会|恳谈会|洽谈会";
const MEETING = new RegExp(`([^，。；：！？、（）\\s]{2,36}?)(${MEETING_END})`, "g");
/** Words after which a meeting name begins. */
const MEETING_CUT = /^.*(召开|举行|举办|出席|参加|传达学习|传达|贯彻|主持|在|于|的|了|和|及|与|到|是|为|暨|就|上|时)/;
/** 市政府召开第十二次常务会议, 中心组举行集体学习: the body that convenes names the meeting. */
const CONVENER =
  /(市政府|省政府|县政府|区政府|市委|省委|县委|区委|[\u4e00-\u9fff]{2,10}?(?:中心组|常委会|委员会|党组))(?:召开|举行)$/;
const GENERIC_MEETING = /^(这次|此次|本次|该|各|有关|相关|重要|有关会议|视频|会议|上述|专题|工作|全体|各类|系列)?$/;

function meeting(start: number, name: string, via: string): Mention {
  return { type: "Meeting", start, end: start + name.length, text: name, canonical: name, props: {}, via };
}

export function findMeetings(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MEETING)) {
    let head = m[1]!;
    const cut = MEETING_CUT.exec(head);
    if (cut) head = head.slice(cut[0].length);
    if (
      /召开|举行/.test(cut?.[1] ?? "") &&
      (head.startsWith("第") || GENERIC_MEETING.test(head) || /^集体学习|^常务会议/.test(m[2]!))
    ) {
      const convener = CONVENER.exec(
        text.slice(
          Math.max(0, m.index + m[0].length - m[2]!.length - head.length - 16),
          m.index + m[0].length - m[2]!.length - head.length,
        ),
      );
      if (convener) {
        const name = convener[1]! + head + m[2]!;
        const start = m.index + m[0].length - m[2]!.length - head.length;
        out.push({ ...meeting(start, head + m[2]!, "convened"), canonical: name });
        continue;
      }
    }
    // 会议精神/会议上: the suffix already ended the name; a dangling quote or digit run is not a name.
    if (
      GENERIC_MEETING.test(head) ||
      [...head].length < 2 ||
      /^[“”\d]/.test(head) ||
      /有关|相关|系列|各类|各项|省市/.test(head)
    ) {
      if (/发布会|座谈会|论坛|博览会|集体学习/.test(m[2]!) && GENERIC_MEETING.test(head)) {
        const start = m.index + m[0].length - m[2]!.length - (head ? head.length : 0);
        out.push(meeting(start, head + m[2]!, "meeting-word"));
      }
      continue;
    }
    const name = head + m[2]!;
    out.push(meeting(m.index + m[0].length - name.length, name, "meeting-suffix"));
  }
  // 市委常委会召开会议 → the meeting is 市委常委会会议, written where the body is named.
  for (const m of text.matchAll(/([\u4e00-\u9fff]{0,6}(?:常委会|常务会议|党组))召开(?:扩大)?会议/g)) {
    const name = `${m[1]}${m[1]!.endsWith("会议") ? "" : "会议"}`;
    out.push({ ...meeting(m.index, m[0], "body-convened"), canonical: name });
  }
  // 党的二十大, 十九届六中全会
  for (const m of text.matchAll(
    /党的(?:[一二三四五六七八九十]{1,3})大|(?<![一二三四五六七八九])(?:二?十[一二三四五六七八九]?)大(?![会学队])|[一二三四五六七八九十]{1,3}届[一二三四五六七八九十]中全会/g,
  )) {
    out.push(meeting(m.index, m[0], "congress"));
  }
  return firstOfOverlapping(out.sort((a, b) => a.start - b.start || b.end - a.end));
}

const PROJECT_CUT = /^.*(实施|推进|建设|开展|启动|打造|建成|开工|签约|如|是|的|了|和|及|与|、|在|为|将|对|把|有)/;
const GENERIC_PROJECT =
  /^(重大|重点|省重大|市重点|有关|相关|各类|招商|外资|优质|大|水利|基础设施|民生|这些|该|此|实施类|准备类|省级|市级|县级以上重点|其他|新|老|这个|年度)$/;

function project(start: number, name: string, via: string): Mention {
  return {
    type: "Project",
    start,
    end: start + name.length,
    text: name,
    canonical: name.replace(/^《|》$/g, ""),
    props: {},
    via,
  };
}

/** Projects: a company's …项目 (with its phase), 《…计划》 plans, “爱山东”政务服务平台, named 工程. */
export function findProjects(text: string, companies: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const c of companies) {
    if (c.props.kind !== "company") continue;
    const m = /^[\u4e00-\u9fffA-Za-z0-9·-]{2,40}?项目(?:[（(][一二三四五六七八九十\d]+期[）)])?/.exec(
      text.slice(c.end),
    );
    if (m) out.push(project(c.start, c.text + m[0], "company-project"));
  }
  for (const m of text.matchAll(/《([^》]{4,60}?(?:计划|规划|方案|工程|行动|项目)(?:[（(][^）)]{2,16}[）)])?)》/g))
    out.push(project(m.index, m[0], "titled-plan"));
  for (const m of text.matchAll(/“[^”]{2,12}”[\u4e00-\u9fff]{0,10}?(?:平台|工程|系统|项目|计划|行动|APP|App)/g))
    out.push(project(m.index, m[0], "quoted-platform"));
  // A bare …项目 is mostly a common noun (重点项目, 外资项目); only 工程 names stand alone.
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2,16}?)(工程)/g)) {
    let head = m[1]!;
    const cut = PROJECT_CUT.exec(head);
    if (cut) head = head.slice(cut[0].length);
    if ([...head].length < 4 || GENERIC_PROJECT.test(head) || /重大|重点|类$|个$/.test(head)) continue;
    const name = head + m[2]!;
    out.push(project(m.index + m[0].length - name.length, name, "project-suffix"));
  }
  return firstOfOverlapping(out.sort(longestFirst));
}
