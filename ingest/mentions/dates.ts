// Dates in running text (2月3日上午, 3日, 2023年1月中旬) resolved against the article's own date.
import { isoDate } from "../masthead.js";

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO date, or null for a vague span (1月中旬). */
  iso: string | null;
  part: "上午" | "下午" | "晚上" | "中午" | null;
}

const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(上午|下午|晚上|中午)?/g;

/**
 * A date without a year takes the article's year, moved back one year when that would put it after the article
 * (a January paper reporting 12月28日); a bare day (3日) takes the article's month the same way.
 */
export function findDates(text: string, articleDate: string | null): DateMention[] {
  const out: DateMention[] = [];
  const [ay, am] = articleDate ? articleDate.split("-").map(Number) : [NaN, NaN];
  for (const m of text.matchAll(DATE)) {
    if (!m[2] && !m[1] && !articleDate) continue;
    if (!m[2] && /\d/.test(text[m.index - 1] ?? "")) continue;
    let year = m[1] ? Number(m[1]) : ay!;
    let month = m[2] ? Number(m[2]) : am!;
    const day = Number(m[3]);
    if (!m[2] && articleDate && day > Number(articleDate.slice(8))) month -= 1;
    if (month < 1) {
      month = 12;
      year -= 1;
    }
    if (
      !m[1] &&
      articleDate &&
      `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` > articleDate
    )
      year -= 1;
    const iso = Number.isFinite(year) && Number.isFinite(month) ? isoDate(year, month, day) : null;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      iso,
      part: (m[4] as DateMention["part"]) ?? null,
    });
  }
  return out;
}
