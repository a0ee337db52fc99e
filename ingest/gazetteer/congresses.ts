// The congresses of the Communist Party of China and the dates they opened: a congress named in the text (党的十八大)
// carries its own date, never the article's. Facts of record.
const CONGRESS_DATES: Record<string, string> = {
  十二: "1982-09-01",
  十三: "1987-10-25",
  十四: "1992-10-12",
  十五: "1997-09-12",
  十六: "2002-11-08",
  十七: "2007-10-15",
  十八: "2012-11-08",
  十九: "2017-10-18",
  二十: "2022-10-16",
};

/** The opening date of 中国共产党第N次全国代表大会, or null. */
export function congressDate(canonical: string): string | null {
  const m = /^中国共产党第([一二三四五六七八九十]{1,3})次全国代表大会$/.exec(canonical);
  return m ? (CONGRESS_DATES[m[1]!] ?? null) : null;
}
