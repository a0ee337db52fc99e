// Posts as Chinese news writes them, read through the whole extraction (rules, tagger, word boundaries).
// The sentences are written for these tests in the manner of several papers; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../ingest/index.js";
import { parseMarkdown } from "../../../ingest/read/markdown.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { loadTagger } from "../../../ingest/tagger.js";
import type { GraphDoc } from "../../../core/model.js";

const tagger = await loadTagger();
const segmenter = loadSegmenter();

function read(text: string, meta: Record<string, string> = {}): GraphDoc {
  return extractDocument(
    { text, meta: { title: "测试稿", date: "2024-05-10", ...meta }, origin: { file: "posts.test" }, kind: "article" },
    { tagger, segmenter },
  );
}
const persons = (doc: GraphDoc) => doc.entities.filter((e) => e.type === "Person").map((e) => e.name);
const posts = (doc: GraphDoc) =>
  doc.relations
    .filter((r) => r.type === "HOLDS_POSITION")
    .map((r) => `${r.source.replace("person:", "")}|${r.target.replace("org:", "")}|${String(r.properties.title)}`);

describe("a name that a reporting word follows is the name alone", () => {
  it.each([
    ["河北利达机械有限公司总经理孙海鹏说，今年的订单已经排到八月。", "孙海鹏"],
    ["“质量是企业的生命。”宁波恒丰纺织有限公司董事长吴晓梅说。", "吴晓梅"],
    ["黔东南州人民医院院长龙国庆介绍，新院区年底投用。", "龙国庆"],
    ["安阳市文物局副局长郭建问道，这些陶片从何而来？", "郭建"],
  ])("%s → %s", (text, name) => {
    const found = persons(read(text));
    expect(found).toContain(name);
    expect(found.some((p) => p !== name && p.startsWith(name))).toBe(false);
  });
});

describe("organization, title and name run together give a post", () => {
  it.each([
    ["河北利达机械有限公司总经理孙海鹏说，今年的订单已经排到八月。", "孙海鹏|河北利达机械有限公司|总经理"],
    ["浙江云帆智能科技有限公司研发部部长程立伟带我们走进车间。", "程立伟|浙江云帆智能科技有限公司|研发部部长"],
    ["黔东南州人民医院院长龙国庆介绍，新院区年底投用。", "龙国庆|黔东南州人民医院|院长"],
  ])("%s", (text, post) => {
    expect(posts(read(text))).toContain(post);
  });

  it("gives a body named earlier and written short to the post (公司总经理 → the company)", () => {
    const doc = read("山西晋丰农业发展有限公司去年流转土地两千亩。公司总经理梁志远说，今年还要扩种。");
    expect(posts(doc)).toContain("梁志远|山西晋丰农业发展有限公司|总经理");
  });

  it("gives a district's deputy head to the district government", () => {
    const doc = read("据滨海新区副区长马晓东介绍，园区今年新增企业四十家。");
    expect(posts(doc).some((p) => p.startsWith("马晓东|") && p.includes("人民政府|副区长"))).toBe(true);
  });

  it("gives a title standing alone after a pause to the company the sentence named", () => {
    const doc = read("投产当天，记者来到江西北辰新材料有限公司，与董事长万立德聊起了新产品。");
    expect(posts(doc)).toContain("万立德|江西北辰新材料有限公司|董事长");
  });

  it("gives a post in a community with no named body to the community", () => {
    const doc = read("28岁的城东街道柳荫社区社工何晓敏每周都要入户走访。");
    const post = doc.relations.find((r) => r.type === "HOLDS_POSITION" && r.source === "person:何晓敏");
    expect(post?.properties.title).toBe("社工");
    expect(doc.entities.find((e) => e.id === post?.target)).toMatchObject({ type: "Place", name: "柳荫社区" });
  });

  it.each([
    ["“路修好了，果子就好卖了。”桃源村党支部书记覃永福说。", "覃永福|桃源村党支部|书记"],
    ["柳溪社区党委副书记范丽君介绍，社区有居民八千多人。", "范丽君|柳溪社区党委|副书记"],
    ["南岭村党支部书记、村委会主任欧阳春生也很着急。", "欧阳春生|南岭村村委会|主任"],
  ])("gives a post in a village body written with its title to the body: %s", (text, post) => {
    expect(posts(read(text))).toContain(post);
  });

  it("gives a chain of posts after 任 to the sentence's subject", () => {
    const doc = read("罗小明是大坪村本地人，原来在县城做生意，2021年换届后，任村党总支书记、村委会主任。");
    expect(posts(doc)).toEqual(expect.arrayContaining(["罗小明|大坪村党总支|书记", "罗小明|大坪村村委会|主任"]));
  });

  it("never gives a post taken by someone else (莫迪连任, 其就任) to the sentence's subject", () => {
    const doc = read("国务院总理王国平致电祝贺卡尔连任芬兰总理。王国平还致电卢森，祝贺其就任挪威首相。");
    expect(posts(doc).filter((p) => p.startsWith("王国平|") && !p.includes("国务院"))).toEqual([]);
  });

  it("keeps a chain joined when a sub-unit follows its 、 (区委常委、宣传部部长)", () => {
    const doc = read("“这条路修通了。”宣城市委常委、宣传部部长秦立华说。");
    const titles = doc.relations
      .filter((r) => r.type === "HOLDS_POSITION" && r.source === "person:秦立华")
      .map((r) => `${r.target}|${String(r.properties.title)}`);
    expect(titles).toEqual(expect.arrayContaining(["org:中共宣城市委|常委", "org:中共宣城市委|宣传部部长"]));
  });

  it("gives a post to the name in apposition after its 、", () => {
    const doc = read("记者找到了青禾陶艺工作室的主理人、本地青年万思琪。");
    expect(posts(doc)).toContain("万思琪|青禾陶艺工作室|主理人");
  });

  it("reads a bare title as the organization the article tied it to", () => {
    const doc = read("河源市交通运输局的技术员来到村里。到了山口，技术员曾庆林犯了难。");
    expect(posts(doc).some((p) => p.startsWith("曾庆林|") && p.endsWith("|技术员"))).toBe(true);
  });

  it("keeps a company's name without its leading divisions as an alias", () => {
    const doc = read("江西省鹰潭市铜源科技有限公司新建了车间。");
    const company = doc.entities.find((e) => e.name === "江西省鹰潭市铜源科技有限公司");
    expect(company?.aliases).toContain("铜源科技有限公司");
  });

  it("gives a bare deputy governor and a relative bureau name to the province the article is about", () => {
    const doc = read(
      "4月1日，江西省农村人居环境整治推进会在南昌召开。副省长罗文斌出席会议并讲话，省农业农村厅厅长胡建平主持会议。",
    );
    expect(posts(doc)).toEqual(
      expect.arrayContaining(["罗文斌|江西省人民政府|副省长", "胡建平|江西省农业农村厅|厅长"]),
    );
  });

  it("gives a title to every name listed after it", () => {
    const doc = read("国务院副总理张国华、刘志远出席会议。");
    expect(posts(doc)).toEqual(expect.arrayContaining(["张国华|国务院|副总理", "刘志远|国务院|副总理"]));
  });

  it("reads a State Council ministry by its name, but not a department in general", () => {
    expect(posts(read("财政部副部长廖建明出席并讲话。"))).toContain("廖建明|财政部|副部长");
    expect(read("各地财政部门要加强资金保障。").entities.filter((e) => e.name === "财政部")).toEqual([]);
  });

  it("gives a head of government beside a party secretary to that division's government", () => {
    const doc = read("总书记在山西省委书记唐登明、省长金湘平陪同下考察。");
    expect(posts(doc)).toEqual(expect.arrayContaining(["唐登明|中共山西省委|书记", "金湘平|山西省人民政府|省长"]));
  });

  it("reads 原 inside a body's name as a former post", () => {
    const doc = read("江西省粮食集团有限责任公司原党委书记何永平严重违纪违法。");
    const post = doc.relations.find((r) => r.type === "HOLDS_POSITION" && r.source === "person:何永平");
    expect(post?.properties).toMatchObject({ title: "书记", former: true });
    expect(post?.target).toBe("org:江西省粮食集团有限责任公司党委");
  });

  it("keeps a former post as former", () => {
    const doc = read("时任沧州市交通运输局副局长的韩立新主持了这项工程。");
    const post = doc.relations.find((r) => r.type === "HOLDS_POSITION" && r.source === "person:韩立新");
    expect(post?.properties).toMatchObject({ title: "副局长", former: true });
  });

  it("never makes a person of a title's next words (律师来调解, 社工都开始)", () => {
    const found = persons(read("后来，社区又请律师来调解。现在社工都开始学法用法。"));
    expect(found).toEqual([]);
  });
});

describe("leaders of other states and parties", () => {
  it.each([
    ["巴西总统卢拉当天在巴西利亚会见了代表团。", "卢拉|place|总统"],
    ["老挝人革党中央总书记通伦表示，两党友谊历久弥新。", "通伦|老挝人民革命党中央委员会|总书记"],
    ["朝鲜劳动党总书记金正恩出席了仪式。", "金正恩|朝鲜劳动党|总书记"],
  ])("%s", (text, want) => {
    const [name, org, title] = want.split("|");
    const doc = read(text);
    const post = doc.relations.find((r) => r.type === "HOLDS_POSITION" && r.source === `person:${name}`);
    expect(post?.properties.title).toBe(title);
    expect(post?.target.startsWith(org === "place" ? "place:" : `org:${org}`)).toBe(true);
  });

  it("never ties a foreign leader's bare 总书记 to 中共中央", () => {
    const doc = read("越南和中国是好邻居。苏林总书记表示，越方愿同中方一道努力。");
    expect(doc.relations.filter((r) => r.type === "HOLDS_POSITION" && r.target === "org:中共中央")).toEqual([]);
  });
});

describe("foreign names read whole", () => {
  it.each([
    ["波兰总统安杰伊·杜达抵达北京。", "安杰伊·杜达"],
    ["芬兰议长哈拉-阿霍表示欢迎。", "哈拉·阿霍"],
    ["南非总统拉马福萨会见了代表团。", "拉马福萨"],
    ["法国总统马克龙说，双方将加强合作。", "马克龙"],
  ])("%s → %s", (text, name) => {
    expect(posts(read(text)).some((p) => p.startsWith(`${name}|place:`))).toBe(true);
  });

  it("gives no post of the host country to an ambassador (俄罗斯驻美国大使)", () => {
    expect(posts(read("俄罗斯驻美国大使安东诺夫表示，双方应保持沟通。"))).toEqual([]);
  });

  it("makes no person of a surname and a form of address (黄强同志 → 黄强, never 强同志)", () => {
    const names = read("黄强同志不再担任吉林省委书记职务。").entities.filter((e) => e.type === "Person");
    expect(names.map((e) => e.name)).not.toContain("强同志");
  });
});

describe("bylines", () => {
  const page = (byline: string, author: string) =>
    extractDocument(
      parseMarkdown(
        `---\ntitle: "春耕时节"\ndate: 2024-05-10\nauthor: "${author}"\n---\n\n# 春耕时节\n\n> ${byline}《人民日报》（2024年05月10日第 04 版）\n\n春耕时节，田间一派繁忙。\n`,
        "byline.md",
      ),
      { tagger, segmenter },
    );

  it("joins a two-character name padded with spaces and makes the paper's publisher its employer", () => {
    const doc = page("本报记者  孟  冬  赵新宇", "孟  冬  赵新宇");
    expect(doc.articles[0]).toMatchObject({ byline: ["孟冬", "赵新宇"], source: "人民日报", page: "4" });
    expect(posts(doc)).toEqual(expect.arrayContaining(["孟冬|人民日报社|记者", "赵新宇|人民日报社|记者"]));
    expect(doc.entities).toContainEqual(expect.objectContaining({ name: "人民日报社", aliases: ["人民日报"] }));
  });

  it("gives a correspondent the title 通讯员", () => {
    expect(posts(page("本报通讯员  邱  岚", "邱  岚"))).toContain("邱岚|人民日报社|通讯员");
  });
});

describe("a foreign holder's name is read whole", () => {
  it.each([
    ["国家主席习近平向哥伦比亚总统德拉埃斯普列亚致慰问电。", "德拉埃斯普列亚|哥伦比亚|总统"],
    ["外交部长王毅同塞尔维亚总理布尔纳比奇举行会谈。", "布尔纳比奇|塞尔维亚|总理"],
    ["丹麦国王腓特烈十世出席了开幕仪式。", "腓特烈十世|丹麦|国王"],
    ["赞比亚共和国总统哈凯恩德·希奇莱马将于下周对中国进行国事访问。", "哈凯恩德·希奇莱马|赞比亚共和国|总统"],
    ["马尔代夫共和国总统穆罕默德·穆伊兹将于月内访华。", "穆罕默德·穆伊兹|马尔代夫共和国|总统"],
  ])("%s", (text, post) => {
    const [name] = post.split("|");
    expect(persons(read(text))).toContain(name);
    expect(
      posts(read(text))
        .filter((p) => p.startsWith(`${name}|`))
        .map((p) => p.split("|")[2]),
    ).toContain(post.split("|")[2]);
  });

  it("reads a transliteration on past 和 (莱恩斯和众议长迪克)", () => {
    const found = persons(read("应澳大利亚联邦议会参议长莱恩斯和众议长迪克邀请，代表团启程访问。"));
    expect(found).toContain("莱恩斯");
    expect(found).not.toContain("莱恩");
  });

  it("gives no post to a title's adviser or spouse (总理顾问雷格夫)", () => {
    const doc = read("以色列总理顾问雷格夫表示，双方已达成延长停火的协议。");
    expect(posts(doc).some((p) => p.endsWith("|总理"))).toBe(false);
    expect(persons(doc).some((p) => p.startsWith("顾问"))).toBe(false);
  });

  it("reads a Chinese given name the segmenter glued to a verb (李干杰作)", () => {
    expect(persons(read("中共中央政治局委员、中央组织部部长李干杰作总结讲话。"))).toContain("李干杰");
  });

  it("stops a foreign name at the words that follow it (拜登互致贺电, 穆伊兹将)", () => {
    const found = persons(read("国家主席习近平同美国总统拜登互致贺电。俄罗斯总统普京热烈欢迎来宾。"));
    expect(found).toContain("拜登");
    expect(found).toContain("普京");
    expect(found.some((p) => /互|热/.test(p))).toBe(false);
  });
});

describe("what follows or precedes a title is no name when it is a verb or a kind of the title", () => {
  it.each([
    ["伊朗外长称美以空袭已造成大量平民伤亡。", /^称/],
    ["美联储一位理事称美关税政策将推高通胀。", /^称/],
    ["会议通过了关于聘请协会顾问、海外委员、荣誉委员的决议。", /^荣誉$/],
    ["会议听取了全国人大常委会副委员长王晨作的执法检查报告。", /作$/],
  ])("%s", (text, wrong) => {
    expect(persons(read(text)).filter((p) => wrong.test(p))).toEqual([]);
  });

  it("keeps a name before its title in a list of leaders (范明政总理)", () => {
    expect(persons(read("梁强国家主席、范明政总理分别赴机场迎送。"))).toContain("范明政");
  });

  it("reads a transliteration's last syllable glued to the verb after it (普拉昌达致)", () => {
    expect(persons(read("国务院总理李强向尼泊尔总理普拉昌达致慰问电。"))).toContain("普拉昌达");
  });
});

describe("an article-wide organization of a title goes only to a bare title", () => {
  it("does not give 主任委员 of one committee to the chair of a committee written short", () => {
    const doc = read(
      "会议听取了省人大常委会代表资格审查委员会主任委员林建华作的报告。会议还听取了省人大法制委主任委员周文斌、农委主任委员钱宇作的报告。",
    );
    const held = posts(doc);
    const chair = held.find((p) => p.startsWith("林建华|"));
    expect(chair).toMatch(/资格审查委员会\|主任委员$/);
    const committee = chair!.split("|")[1];
    expect(held.filter((p) => /^(周文斌|钱宇)\|/.test(p) && p.split("|")[1] === committee)).toEqual([]);
  });
});

describe("posts in a list of cases of former officials", () => {
  const doc = read(
    "专题片讲述了省交通投资集团原党委委员、副总经理韩立军案，原省粮食和物资储备局党委委员、副局长冯国栋案，教育意义深刻。",
  );
  it("stops the name before 案", () => {
    expect(persons(doc)).toEqual(expect.arrayContaining(["韩立军", "冯国栋"]));
    expect(persons(doc).filter((p) => p.endsWith("案"))).toEqual([]);
  });
  it("reads 原 before a body as a former post, not as part of the body's name", () => {
    const formerPosts = doc.relations.filter((r) => r.type === "HOLDS_POSITION" && r.properties.former === true);
    expect(formerPosts.length).toBeGreaterThan(0);
    expect(doc.entities.filter((e) => e.type === "Organization" && e.name.startsWith("原"))).toEqual([]);
  });
  it("gives a post that is no party post to the body, not to its party committee", () => {
    const doc = read("会上，中国农业发展银行原党委委员、副行长周立新介绍了情况。");
    expect(posts(doc).filter((p) => /\|副行长$/.test(p))).toEqual(["周立新|中国农业发展银行|副行长"]);
    expect(doc.entities.filter((e) => e.name.includes("原"))).toEqual([]);
  });
});

it("takes no verb into a title and no dictionary word after it for a name (派家庭医生上门)", () => {
  const doc = read("城南社区卫生服务中心派家庭医生上门为老人体检。");
  expect(persons(doc)).toEqual([]);
  expect(posts(doc).filter((p) => p.includes("派"))).toEqual([]);
});

it("gives a village committee's post after its party committee to the village committee", () => {
  const doc = read("记者见到了江苏江阴华西村党委书记、村委会主任汪建国。");
  expect(posts(doc).filter((p) => p.endsWith("|村委会主任"))).toEqual(["汪建国|江苏江阴华西村村委会|村委会主任"]);
});
