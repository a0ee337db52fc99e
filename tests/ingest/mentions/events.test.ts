// Project and meeting names as news writes them: where a name starts, which heads alone are no name, quoted and
// listed names, phases. The sentences are written for these tests; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { findMeetings, findProjects } from "../../../ingest/mentions/events.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { findPlaces } from "../../../ingest/mentions/places.js";
import { contextFor } from "../../../ingest/context.js";

const segmenter = loadSegmenter();
const projects = (text: string) => findProjects(text, segmenter).map((m) => m.canonical);
const meetings = (text: string) => findMeetings(text, segmenter).map((m) => m.canonical);

describe("a project's name starts after the verb, adverb or credit before it", () => {
  it.each([
    ["截至去年底，县里已基本完成赣江堤防加固工程，并同步推进码头改造。", "赣江堤防加固工程"],
    ["洪湖市力争全面发挥洪湖分蓄洪区工程的防洪效益。", "洪湖分蓄洪区工程"],
    ["据悉，据黔中水利枢纽工程建设指挥部介绍，大坝已经封顶。", "黔中水利枢纽工程"],
    ["（李明远摄）滇中引水工程昆明段隧洞贯通。", "滇中引水工程"],
    ["随着最后一节钢梁吊装到位，标志着汉江特大桥项目主体完工。", "汉江特大桥项目"],
    ["“东岭钢铁搬迁升级项目预计明年投产。”负责人说。", "东岭钢铁搬迁升级项目"],
  ])("%s → %s", (text, name) => {
    const found = projects(text);
    expect(found).toContain(name);
    expect(found.filter((p) => p !== name && p.endsWith(name))).toEqual([]);
  });
});

describe("a head with only generic words before it is no project", () => {
  it.each([
    "全市今年共实施重点项目86个，其中新开工项目32个。",
    "仅这一项工程，就消耗钢材两万吨。",
    "这是全省施工难度最大的控制性节点工程之一。",
    "该工程是流域规划确定的重要水资源配套工程。",
  ])("%s", (text) => {
    expect(projects(text)).toEqual([]);
  });
});

describe("quoted names, listed names and phases", () => {
  it("takes a quoted programme with its kind and drops a generic word before the quote", () => {
    expect(projects("当地积极融入国家“西电东送”工程，启动“数字乡村”示范行动。")).toEqual(
      expect.arrayContaining(["“西电东送”工程", "“数字乡村”示范行动"]),
    );
  });
  it("takes each item of a list that ends in 等…项目", () => {
    const found = projects("今年，安顺引进华源锂电隔膜、黔龙精密轴承、瑞丰光学镜片等5个产业项目。");
    expect(found).toEqual(expect.arrayContaining(["华源锂电隔膜", "黔龙精密轴承", "瑞丰光学镜片"]));
  });
  it("reads a phase as the phase of the project the article names", () => {
    const found = projects("引江补汉工程分两期建设。目前一期工程已经完工，二期工程正在开展前期工作。");
    expect(found).toEqual(expect.arrayContaining(["引江补汉工程", "引江补汉一期工程", "引江补汉二期工程"]));
  });
  it("takes the project out of a site office's name, without the company", () => {
    expect(projects("中铁二十局集团沪渝蓉高铁武宜段项目部总工刘振宇介绍。")).toContain("沪渝蓉高铁武宜段项目");
  });
});

describe("a meeting's name", () => {
  it.each([
    ["各地深入落实全国生态环境保护大会部署。", "全国生态环境保护大会"],
    ["第六届中国—南亚博览会在昆明开幕。", "第六届中国—南亚博览会"],
    ["成功举办全国青少年机器人创新大赛，吸引三千名选手。", "全国青少年机器人创新大赛"],
    ["由省文化和旅游厅主办的“非遗购物节”评选揭晓。", "非遗购物节评选"],
  ])("%s → %s", (text, name) => {
    expect(meetings(text)).toContain(name);
  });

  it("takes a quoted activity and leaves an unquoted one", () => {
    expect(meetings("两镇联合举办“乡贤面对面”活动。")).toContain("乡贤面对面活动");
    expect(meetings("学校组织开展了丰富多彩的读书活动。")).toEqual([]);
  });

  it("keeps no body for a meeting: 全国人民代表大会 without a session is the body", () => {
    expect(meetings("他当选为全国人民代表大会代表。")).toEqual([]);
  });

  it("names the party congress one way however it is written", () => {
    const found = meetings("党的二十大报告指出，要坚持人民至上。中国共产党第二十次全国代表大会胜利闭幕。");
    expect(new Set(found)).toEqual(new Set(["中国共产党第二十次全国代表大会"]));
  });

  it("marks a bare 座谈会 as generic and names a convened one by its body", () => {
    const generic = findMeetings("在随后召开的座谈会上，大家踊跃发言。", segmenter);
    expect(generic.map((m) => m.via)).toEqual(["generic"]);
    expect(meetings("县政府召开第十五次常务会议，研究春耕工作。")).toEqual(["县政府第十五次常务会议"]);
  });
});

describe("operations, bases, sports and mistagged words are no projects", () => {
  it.each([
    "当地时间5日，也门胡塞武装宣布对红海航道展开联合行动。",
    "多国海军决定采取集体行动护航。",
    "卫星图像显示，该国新建了一处导弹生产基地。",
    "俄军基地遭到无人机袭击。",
    "街道投入资金推进养老服务项目建设。",
    "乡里正在打造社区智慧服务平台。",
    "跳水是中国队的传统优势运动项目。",
  ])("%s", (text) => {
    expect(projects(text)).toEqual([]);
  });

  it("keeps an operation whose name is quoted", () => {
    expect(projects("市网信办启动“净网护苗”专项行动。")).toContain("“净网护苗”专项行动");
  });
});

describe("meeting names start after 暨 and verbs, and 十大 before a noun is a top ten", () => {
  it("drops the 暨 that joins two events", () => {
    const found = meetings("开幕式暨2026数字出版论坛在南宁举行。");
    expect(found).toContain("2026数字出版论坛");
    expect(found.some((m) => m.startsWith("暨"))).toBe(false);
  });
  it("starts after 应邀出席", () => {
    const found = meetings("他应邀出席第三届中非经贸博览会开幕式。");
    expect(found.some((m) => m.startsWith("应邀"))).toBe(false);
  });
  it("reads 十大典型案例 as a top ten, 十大以来 as the congress", () => {
    expect(meetings("省法院发布十大典型案例。")).toEqual([]);
    expect(meetings("十大以来，党的建设不断加强。")).toEqual(["中国共产党第十次全国代表大会"]);
  });
  it("runs a name left over a hyphenated country pair", () => {
    expect(meetings("中国-东盟博览会在南宁开幕。")).toContain("中国-东盟博览会");
  });
  it("takes no federal assembly for a meeting", () => {
    expect(meetings("俄联邦会议国家杜马通过该法案。")).toEqual([]);
  });
});

describe("a session numbered under a forum or a body keeps the forum's name", () => {
  it.each([
    ["中拉论坛第五届部长级会议在巴西利亚开幕。", "中拉论坛第五届部长级会议"],
    ["民进十五届三中全会在京召开。", "民进十五届三中全会"],
  ])("%s → %s", (text, name) => {
    expect(meetings(text)).toContain(name);
  });
});

describe("a year opens a meeting's name after common words, not after a proper name or a forum", () => {
  it("cuts a headline run into the text before the year", () => {
    expect(meetings("签约两百个项目2026杭州全球招商大会今天举行。")).toContain("2026杭州全球招商大会");
  });
  it("keeps the forum before the year of its annual meeting", () => {
    expect(meetings("为期三天的亚洲金融合作论坛2026年年会在香港举行。").some((m) => m.startsWith("2026"))).toBe(false);
  });
});

describe("a meeting's name keeps its organizer and drops headline words before it", () => {
  it.each([
    ["为期两天的中国经济发展高层论坛2025年年会昨天在上海举行。", "中国经济发展高层论坛2025年年会"],
    ["亚洲开发银行和世界银行2025年秋季会议在东京开幕。", "亚洲开发银行和世界银行2025年秋季会议"],
    ["2026年中非合作论坛北京峰会减贫合作和乡村振兴高级别会议在京举行。", "减贫合作和乡村振兴高级别会议"],
    ["各方合作迈出新步伐联合国贸易和发展会议20日发布报告。", "联合国贸易和发展会议"],
    ["安理会讨论要凝聚共识第80届联合国大会全会19日审议气候问题。", "第80届联合国大会"],
  ])("%s → %s", (text, name) => {
    const found = meetings(text);
    expect(found).toContain(name);
    expect(found.filter((p) => p !== name && (p.endsWith(name) || name.endsWith(p)))).toEqual([]);
  });

  it("takes no verb's subject as a meeting (画面展现大会)", () => {
    expect(meetings("直播将以清晰的画面展现大会盛况。")).toEqual([]);
  });

  it("reads a headline year after a word the segmenter took for a name as the start of the name", () => {
    expect(meetings("2026中关村论坛年会取得丰硕成果2026中关村论坛年会今天闭幕。")).toEqual([
      "2026中关村论坛年会",
      "2026中关村论坛年会",
    ]);
  });

  it("resolves a shorter writing of a name given in full to that meeting", () => {
    expect(meetings("2026世界人形机器人运动会在北京举办。这是全球首个人形机器人运动会。")).toEqual([
      "2026世界人形机器人运动会",
      "2026世界人形机器人运动会",
    ]);
  });

  it("names the body's own meeting where a body meets (政治局召开会议, 常委会党组举行会议)", () => {
    expect(meetings("中共中央政治局召开会议 决定召开二十届五中全会")).toContain("中共中央政治局会议");
    expect(meetings("全国人大常委会党组举行会议 学习贯彻全会精神")).toContain("全国人大常委会党组会议");
  });
});

describe("a session number opens a meeting's name unless its organizer is written before it", () => {
  it.each([
    ["亚洲运动会圆满落幕成果丰硕第20届亚洲运动会闭幕式今晚举行。", "第20届亚洲运动会"],
    ["澜沧江—湄公河合作第五次领导人会议以视频方式举行。", "澜沧江—湄公河合作第五次领导人会议"],
    ["中国共产党第二十一次全国代表大会将于明年召开。", "中国共产党第二十一次全国代表大会"],
  ])("%s → %s", (text, name) => {
    expect(meetings(text)).toContain(name);
  });
});

describe("projects: names, not kinds", () => {
  const national = contextFor("人民日报", null, null);
  const projectNames = (text: string) =>
    findProjects(text, segmenter, findPlaces(text, national, segmenter)).map((p) => p.canonical);
  it.each([
    "全省今年实施水环境综合整治工程一百余项。",
    "欢迎中方积极参与埃及重要基础设施项目建设。",
    "代表团在已经开赛的短道速滑、越野滑雪、冬季两项等项目上获得奖牌。",
    "引导民营企业参与铁路、高速公路、城市基础设施等项目建设。",
  ])("%s names no project", (text) => {
    expect(projectNames(text)).toEqual([]);
  });
  it("keeps a plain name the article uses again (地理信息小镇)", () => {
    const text = "德清县建起地理信息小镇。如今，地理信息小镇已集聚企业四百余家。";
    expect(projectNames(text)).toContain("地理信息小镇");
  });
  it("keeps every item of a list whose items are mostly names", () => {
    const text = "园区引进裕宏泰新型正极材料、辽宁星空钠离子电池、溢丰达精密铸件等11个产业项目。";
    expect(projectNames(text)).toEqual(expect.arrayContaining(["辽宁星空钠离子电池", "溢丰达精密铸件"]));
  });
});

it("keeps an abbreviated body before a session number (政协第十四届全国委员会…)", () => {
  expect(meetings("政协第十四届全国委员会第三十次主席会议5日在京召开。")).toContain(
    "政协第十四届全国委员会第三十次主席会议",
  );
});

it("starts no name with the 暨 that joins two events", () => {
  expect(meetings("2026亚洲剧院联盟大会暨亚洲交响乐北京论坛在京开幕。")).toContain("亚洲交响乐北京论坛");
});

it("reads no meeting inside a venue's name (…运动会体育馆) and keeps 总台 before a session number", () => {
  expect(meetings("庆祝大会在澳门东亚运动会体育馆举行。")).toEqual([]);
  expect(meetings("总台第二届版权生态合作大会在上海举行。")).toContain("总台第二届版权生态合作大会");
});

it("keeps a community of states before its summit's number", () => {
  expect(meetings("拉美和加勒比国家共同体第十一届峰会在巴西举行。").some((m) => m.includes("共同体第十一届峰会"))).toBe(
    true,
  );
});

it("joins two places before a community's summit and a digit split from its numeral", () => {
  expect(meetings("拉美和加勒比国家共同体第十一届峰会在巴西举行。")).toContain("拉美和加勒比国家共同体第十一届峰会");
  expect(meetings("中方支持南非明年主办二十国集团领导人峰会。")).toContain("二十国集团领导人峰会");
});

it.each([
  ["《湿地公约》第十五届缔约方大会在维多利亚瀑布城开幕。", "《湿地公约》第十五届缔约方大会"],
  ["十五届全国人大一次会议主席团常务主席第二次会议在京举行。", "十五届全国人大一次会议主席团常务主席第二次会议"],
])("keeps what is written before a session number or a head: %s", (text, name) => {
  expect(meetings(text)).toContain(name);
});

describe("a people's congress by its term is the body, its sessions the meetings", () => {
  it("reads the session and not the term", () => {
    const found = meetings("第十四届全国人民代表大会第三次会议在京开幕。第十四届全国人民代表大会代表名单公布。");
    expect(found).toContain("第十四届全国人民代表大会第三次会议");
    expect(found).not.toContain("第十四届全国人民代表大会");
  });
});

describe("project names: routes, shared kinds, descriptors and verbs", () => {
  it.each([
    ["随着沅江至吉首铁路扩能改造工程静态验收完成，全线进入联调。", "沅江至吉首铁路扩能改造工程"],
    ["当地加快推进前海深港国际金融城项目建设。", "前海深港国际金融城项目"],
  ])("%s → %s", (text, name) => {
    const found = projects(text);
    expect(found).toContain(name);
    expect(found.filter((p) => p !== name && p.endsWith(name.slice(-6)) && name.endsWith(p))).toEqual([]);
  });

  it("gives items written without a kind the kind of the last item of their list", () => {
    const found = projects("沿江高铁武汉段、西宁至成都、宜昌至郑州高铁等项目加快建设。");
    expect(found).toEqual(expect.arrayContaining(["西宁至成都高铁", "宜昌至郑州高铁"]));
    expect(found).not.toContain("西宁至成都");
  });

  it.each([
    "国家“十五五”规划重大项目——新型储能电站今年开工。",
    "京港澳高速公路改扩建重点控制性工程——湘江特大桥昨日合龙。",
    "他来到矿区察看项目进展情况。",
    "运动员们在高山滑雪、自由式滑雪、单板滑雪等项目上展开角逐。",
    "英国政府计划下月公布新的预算。",
    "全省各城市开始试点垃圾分类。",
    "北约大规模军力扩张计划遭到质疑。",
    "无人机袭击了黑海的一座油气钻井平台。",
    "会上发布“共建数字丝路”“设立青年创业基金”等重要项目。",
    "西南地区规模最大跨江大桥工程今天开工。",
    "全省开展中小企业数量和营收“双提升”行动。",
    "在青岛，全国最大液化天然气运输船计划明年交付。",
    "截至6月底，“数字乡村”项目已超2.3万个。",
  ])("%s names no project", (text) => {
    expect(projects(text)).toEqual([]);
  });

  it("drops a list item that joins two names with 和, and the clause before the first item", () => {
    const found = projects("她还设计了湖南图书馆、岳麓书院和天心阁公园、长沙博物馆等改造项目。");
    expect(found.filter((p) => /和|了/.test(p))).toEqual([]);
  });

  it.each([
    ["辽宁水网骨干工程今天开工。", "辽宁水网骨干工程"],
    ["各地深入开展稳岗攻坚行动和“春风送岗”就业促进行动。", "“春风送岗”就业促进行动"],
    ["省政府印发《打造具有国际竞争力的先进制造业集群行动方案》。", "《打造具有国际竞争力的先进制造业集群行动方案》"],
  ])("keeps %s → %s", (text, name) => {
    expect(findProjects(text, segmenter).map((m) => m.text)).toContain(name);
  });

  it("reads no plan in a headline title or a quoted count", () => {
    expect(projects("节目第二集《把发展蓝图变为群众看得见的实际行动》今晚播出。")).toEqual([]);
    expect(projects("园区发布建设一流科学城“三大行动”。")).toEqual([]);
  });

  it("names a quoted list by the kind without its count", () => {
    const found = projects("公安部门开展了“净网”“护苗”等一系列专项行动。");
    expect(found).toEqual(expect.arrayContaining(["净网专项行动", "护苗专项行动"]));
    expect(found.some((p) => p.includes("一系列"))).toBe(false);
  });
});

describe("a meeting named after the body or place that convenes it", () => {
  // Place and organization mentions stand in for what the earlier finders give.
  const at = (text: string, name: string, type: "Place" | "Organization") => {
    const start = text.indexOf(name);
    return { type, start, end: start + name.length, text: name, canonical: name, props: {}, via: "test" };
  };
  it("runs from the verb over a topic verb to its head (召开优化…推进会)", () => {
    const text = "3月2日，临安区召开优化营商环境工作推进会，部署全年任务。";
    expect(findMeetings(text, segmenter, [at(text, "临安区", "Place")]).map((m) => m.canonical)).toContain(
      "优化营商环境工作推进会",
    );
    // Without a convener the same words are a kind of meeting, not one.
    expect(meetings("要开好优化营商环境工作推进会。")).not.toContain("优化营商环境工作推进会");
  });
  it("skips 了 and 一场 after the verb", () => {
    const text = "昆山召开了一场先进制造业集群发展大会。";
    expect(findMeetings(text, segmenter, [at(text, "昆山", "Place")]).map((m) => m.canonical)).toEqual([
      "先进制造业集群发展大会",
    ]);
  });
  it("gives a numbered session without a name of its own its convener's name", () => {
    const text = "省人大常委会举行第三十五次主任会议。";
    expect(findMeetings(text, segmenter, [at(text, "省人大常委会", "Organization")]).map((m) => m.canonical)).toEqual([
      "省人大常委会第三十五次主任会议",
    ]);
  });
  it("takes no count and no bracket for a name (召开5次会议, 召开（扩大）会议)", () => {
    for (const text of ["市委常委会先后召开5次会议研究部署。", "市政协党组召开（扩大）会议。"]) {
      const body = text.startsWith("市委") ? "市委常委会" : "市政协党组";
      const names = findMeetings(text, segmenter, [at(text, body, "Organization")]).map((m) => m.canonical);
      expect(names.filter((n) => /^[\d（]|^5次/.test(n))).toEqual([]);
    }
  });
});

it("starts no project name on the line above (a list item at the start of a line)", () => {
  const text = "重点项目建设取得新进展。\n沪宁铁路南京至镇江段、宁杭高铁南京至溧阳段等提质改造项目投产运营。";
  for (const p of findProjects(text, segmenter)) expect(p.canonical).not.toMatch(/\s/);
});

it("reads a project's name over one-character morphemes the segmenter split from an unknown name", () => {
  const text = "记者来到中农储智慧农博城项目现场。";
  expect(findProjects(text, segmenter).map((p) => p.canonical)).toEqual(["中农储智慧农博城项目"]);
});
