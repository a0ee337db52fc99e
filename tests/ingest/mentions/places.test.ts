// Place mentions below the county, named features and regions, and what is no place, read by findPlaces with the
// segmenter. The sentences are written for these tests in the manner of several papers; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { villageForms } from "../../../ingest/gazetteer/localities.js";
import { findPlaces } from "../../../ingest/mentions/places.js";
import { contextFor } from "../../../ingest/context.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";

const segmenter = loadSegmenter();
const national = contextFor("人民日报", null, null);
const places = (text: string) => findPlaces(text, national, segmenter);
const named = (text: string) => places(text).map((p) => p.text);
const codeOf = (text: string, name: string) => places(text).find((p) => p.text === name)?.props.code;

describe("towns and villages of a county the article names get their codes", () => {
  it.each([
    ["湖北省嘉鱼县新街镇港东村的村民正在抢收油菜。", "新街镇", "421221104"],
    ["湖北省嘉鱼县新街镇港东村的村民正在抢收油菜。", "港东村", "421221104202"],
    ["贵州湄潭县永兴镇的茶园里，采茶工忙个不停。", "永兴镇", "520328101"],
    ["福建霞浦县三沙镇东澳社区的渔民出海归来。", "东澳社区", "350921106003"],
    // 兰考县 has four 张庄村: the one of the town written before it.
    ["河南兰考县东坝头镇张庄村如今游客不断。", "张庄村", "410225106207"],
  ])("%s → %s %s", (text, name, code) => {
    expect(codeOf(text, name)).toBe(code);
  });

  it("takes, of two namesakes in the counties named, the one under the division written just before it", () => {
    const text = "贵州湄潭县和河南兰考县结对交流。兰考县干部、牛场村支书讲了经验，湄潭县代表复兴村也发了言。";
    expect(codeOf(text, "牛场村")).toBe("410225101214");
    expect(codeOf(text, "复兴村")).toBe("520328102200");
  });

  it("reads the package's committee names as news writes them", () => {
    expect(villageForms("港东村民委员会")).toEqual(["港东村"]);
    expect(villageForms("丰乐村村民委员会")).toEqual(["丰乐村"]);
    expect(villageForms("东澳社区居委会")).toEqual(["东澳社区"]);
    expect(villageForms("青山社区村民委员会")).toEqual(expect.arrayContaining(["青山社区", "青山村"]));
    expect(villageForms("城西生活区")).toEqual([]);
  });
});

describe("names the package lacks are read by their suffix where the left edge is certain", () => {
  it.each([
    ["江西省赣州市于都县罗坳镇鹧鸪垇村山清水秀。", "鹧鸪垇村"],
    ["记者来到云南省普洱市澜沧县酒井乡勐根村，村民正在采茶。", "勐根村"],
    ["汛期前，湖南省常德市石门县皂市水库已腾出库容。", "皂市水库"],
  ])("%s → %s", (text, name) => {
    expect(named(text)).toContain(name);
  });

  it.each([
    ["推进数字乡村建设，让农村村民共享发展成果。"],
    ["他大学毕业后回到村里，扎根社区已经二十年。"],
    ["在一些低收入社区，停电给居民造成了困难。"],
    ["这座偏远小山村通了公路，特色小镇也建起来了。"],
    ["近年来，城乡差距不断缩小，家乡变了模样。"],
  ])("%s has no village or town", (text) => {
    expect(places(text).filter((p) => p.props.level === "village" || p.props.level === "town")).toEqual([]);
  });
});

describe("rivers, mountains and regions", () => {
  it.each([
    ["嘉陵江水位回落，沿江码头恢复作业。", "嘉陵江"],
    ["秦岭北麓的生态修复工程进入收尾阶段。", "秦岭"],
    ["闽西地区的红色旅游持续升温。", "闽西地区"],
    ["淮河流域今年没有出现大的汛情。", "淮河流域"],
    ["雅鲁藏布江中游的防护林已成规模。", "雅鲁藏布江中游"],
    ["东南亚地区的游客明显增多。", "东南亚地区"],
    ["济南都市圈的通勤时间进一步缩短。", "济南都市圈"],
  ])("%s → %s", (text, name) => {
    expect(named(text)).toContain(name);
  });

  it("reads a street named after a mountain as no mountain (太行山东路)", () => {
    expect(named("新店开在太行山东路上。")).not.toContain("太行山");
  });

  it("reads a zone after its place (宜昌高新区)", () => {
    expect(places("宜昌高新区新落户企业十二家。").map((p) => p.canonical)).toContain("宜昌高新区");
  });
});

describe("fragments and far namesakes are no places", () => {
  it("never starts a place inside a word (山西 in 燕山西路)", () => {
    expect(named("沿着燕山西路往北走，就到了新建的公园。")).not.toContain("山西");
  });

  it("keeps an ambiguous district name with the place written before it (泉州古城区)", () => {
    const found = places("福建省泉州市，泉州古城区的老街焕发新生。");
    expect(found.map((p) => p.text)).toContain("泉州古城区");
    expect(found.some((p) => p.props.code === "530702")).toBe(false);
  });

  it("takes a far county's short form only where the text names the city above it", () => {
    expect(codeOf("青海省海西蒙古族藏族自治州，德令哈的戈壁上建起了光伏电站。", "德令哈")).toBe("632802");
    expect(codeOf("夜色中的德令哈格外安静。", "德令哈")).toBeUndefined();
  });

  it("reads a county's short form the segmenter takes as a common word as that word (资源, 运河)", () => {
    expect(named("广西桂林市依托历史和红色资源发展文旅，古老运河焕发新机。")).not.toContain("资源");
  });
});

describe("countries of the world, by their short names and written with their state form", () => {
  const countries = (text: string) =>
    places(text)
      .filter((p) => p.props.level === "country")
      .map((p) => `${p.text}→${p.canonical}`);
  it.each([
    ["哥伦比亚总统向灾区派出救援队。", "哥伦比亚→哥伦比亚"],
    ["赞比亚共和国总统将对中国进行国事访问。", "赞比亚共和国→赞比亚"],
    ["两国元首就深化中国同吉尔吉斯斯坦关系交换意见。", "吉尔吉斯斯坦→吉尔吉斯斯坦"],
  ])("%s → %s", (text, found) => {
    expect(countries(text)).toContain(found);
  });
  it.each(["马里奥在赛后接受了采访。", "多哥哥姐姐都来帮忙。"])("%s names no country", (text) => {
    expect(countries(text).filter((c) => !c.startsWith("中国"))).toEqual([]);
  });
});

describe("a verb before a place word makes a clause, not a place", () => {
  it.each(["各地做实社区服务，方便居民。", "推动农产品出村进城。", "组织党员干部驻镇帮扶。", "善于利用社区资源。"])(
    "%s names no place",
    (text) => {
      expect(named(text)).toEqual([]);
    },
  );
});
