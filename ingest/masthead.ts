// Reads a newspaper masthead — paper name, date, issue number — from the first lines of a page.
import { toHalfWidth } from "./text.js";

export interface Masthead {
  paper: string | null;
  /** The party or government body whose paper it is: 中共聊城市委机关报 → 中共聊城市委. */
  publisher: string | null;
  date: string | null;
  issue: string | null;
  /** Lines the masthead used, so the split stage leaves them out of articles. */
  lines: number;
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export function isoDate(y: number | string, m: number | string, d: number | string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (!(year > 1900 && year < 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses the date forms files use: 2023年2月6日, 2023-02-06, 2023/2/6, 20230206. */
export function parseDate(text: string | undefined | null): string | null {
  if (!text) return null;
  const t = toHalfWidth(String(text)).trim();
  const cn = DATE.exec(t);
  if (cn) return isoDate(cn[1]!, cn[2]!, cn[3]!);
  const iso = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(t);
  if (iso) return isoDate(iso[1]!, iso[2]!, iso[3]!);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return isoDate(compact[1]!, compact[2]!, compact[3]!);
  return null;
}

/** Looks at the first few non-empty lines only: a masthead sits at the top of a page. */
export function readMasthead(lines: string[]): Masthead {
  const result: Masthead = { paper: null, publisher: null, date: null, issue: null, lines: 0 };
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 4; i++) {
    const line = toHalfWidth(lines[i] ?? "").trim();
    if (!line) continue;
    seen++;
    let used = false;
    const paper =
      /([\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|早报|都市报|商报|新闻))社?出版/.exec(line) ??
      /^([\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|早报))(?:\s|$)/.exec(line);
    if (paper && !result.paper) {
      result.paper = paper[1]!;
      used = true;
    }
    const publisher = /(中共[\u4e00-\u9fff]{2,10}?(?:市委|省委|县委|区委|州委))机关报/.exec(line);
    if (publisher) {
      result.publisher = publisher[1]!;
      used = true;
    }
    const date = DATE.exec(line);
    if (
      date &&
      !result.date &&
      (/星期|周[一二三四五六日天]|农历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年|第\s*\d+\s*期|出版物号/.test(
        line,
      ) ||
        line.length < 30)
    ) {
      result.date = isoDate(date[1]!, date[2]!, date[3]!);
      used = true;
    }
    const issue = /第\s*(\d+)\s*期/.exec(line);
    if (issue && !result.issue) {
      result.issue = issue[1]!;
      used = true;
    }
    if (used) result.lines = i + 1;
    else if (result.lines > 0) break;
  }
  return result;
}
