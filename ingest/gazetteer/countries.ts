// The world's countries by their Chinese short names, from the i18n-iso-countries package (ISO 3166-1 with CLDR
// names), for reading foreign states, their bodies and their leaders' titles. China and its regions are places of
// the division gazetteer, not countries here; territories, Antarctica and disputed entries are left out, and the
// forms Chinese news writes beside the package's (印度尼西亚 for 印尼, 沙特 for 沙特阿拉伯) are added.
import { createRequire } from "node:module";

interface CountryNames {
  registerLocale(data: unknown): boolean;
  getNames(lang: string, options: { select: "official" }): Record<string, string>;
}

const require = createRequire(import.meta.url);

/** ISO codes that are no foreign state of their own in a Chinese paper, or whose short name misleads (中非). */
const LEFT_OUT = new Set(
  (
    "CN TW HK MO AQ EH CF BV HM GS UM TF IO CC CX SJ BQ AX PN JE GG BL YT RE GP MQ MS AI CW AW NU TK PR BM GI NC PM " +
    "WF MF SX GL FO GU AS MP VI VG KY TC FK IM SH"
  ).split(" "),
);
/** Dependent territories the package lists, kept out of the states (their leaders hold no state titles). */
const TERRITORY = /(?:群岛|岛|属|领地)$|^(?:美属|英属|法属|荷属)/;

/** Names Chinese news uses beside the package's own. */
const MORE = [
  "印度尼西亚",
  "沙特",
  "波斯尼亚和黑塞哥维那",
  "刚果民主共和国",
  "刚果共和国",
  "中非共和国",
  "埃斯瓦蒂尼",
  "斯威士兰",
  "蒙古国",
  "老挝",
  "捷克",
  "北马其顿",
  "马其顿",
  "土库曼斯坦",
  "塞尔维亚",
  "黑山",
  "科索沃",
];

function load(): string[] {
  const lib = require("i18n-iso-countries") as CountryNames;
  lib.registerLocale(require("i18n-iso-countries/langs/zh.json"));
  const names = Object.entries(lib.getNames("zh", { select: "official" }))
    .filter(([code, name]) => !LEFT_OUT.has(code) && !TERRITORY.test(name) && /^[\u4e00-\u9fff]+$/.test(name))
    .map(([, name]) => name);
  return [...new Set([...names, ...MORE])].sort();
}

/** Foreign states by name, longest first where one name begins another (刚果民主共和国 before 刚果). */
export const WORLD_COUNTRIES: readonly string[] = load();
