// Word lists the rules use: surnames, titles of office, organization suffixes, countries and regions.
// They are general knowledge of Chinese naming, not taken from any corpus.

/** Single-character surnames, most common first (the top of the national household register lists). */
export const SURNAMES = new Set(
  [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习"],
);

export const COMPOUND_SURNAMES = new Set(["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "申屠", "钟离"]);

/**
 * Titles of office, longest first so 常务副市长 wins over 副市长 and 市长. The regex built from them is used after an
 * optional organization prefix (市委, 省大数据局 …).
 */
export const TITLES = [
  "党组书记", "总书记", "副书记", "书记", "常务副市长", "常务副县长", "常务副省长", "副市长", "市长", "副县长", "县长",
  "副区长", "区长", "副省长", "省长", "副镇长", "镇长", "副乡长", "乡长", "常委", "委员", "秘书长", "副秘书长",
  "副主任", "主任", "副局长", "局长", "副厅长", "厅长", "副部长", "部长", "副主席", "主席", "副总理", "总理", "国务委员",
  "董事长", "副董事长", "总经理", "副总经理", "总裁", "院长", "副院长", "校长", "副校长", "检察长", "政委", "司令员",
  "党委书记", "支部书记", "调研员", "巡视员", "主编", "总编辑", "社长", "会长", "理事长", "所长", "行长", "关长",
].sort((a, b) => b.length - a.length);

/** Words that end an organization name: the suffix rule of issue 3. Longest first. */
export const ORG_SUFFIXES = [
  "集团股份有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "委员会", "办公室", "新闻办", "人民政府",
  "人民法院", "人民检察院", "人大常委会", "政协", "常委会", "大学", "学院", "中学", "小学", "医院", "银行", "研究院", "研究所",
  "协会", "学会", "商会", "联合会", "基金会", "中心", "管委会", "工委", "纪委", "监委", "市委", "省委", "县委", "区委", "党委",
  "局", "厅", "署", "部", "社", "台", "报社", "电视台", "合作社", "工作组", "领导小组", "党组",
].sort((a, b) => b.length - a.length);

/** Countries and regions news names often; facts of geography. */
export const COUNTRIES = [
  "中国", "美国", "日本", "韩国", "朝鲜", "俄罗斯", "英国", "法国", "德国", "意大利", "西班牙", "加拿大", "澳大利亚", "新西兰",
  "印度", "巴基斯坦", "越南", "泰国", "新加坡", "马来西亚", "印度尼西亚", "菲律宾", "缅甸", "老挝", "柬埔寨", "蒙古",
  "哈萨克斯坦", "伊朗", "伊拉克", "以色列", "沙特阿拉伯", "土耳其", "埃及", "南非", "尼日利亚", "肯尼亚", "埃塞俄比亚",
  "巴西", "阿根廷", "墨西哥", "智利", "秘鲁", "古巴", "乌克兰", "波兰", "荷兰", "比利时", "瑞士", "瑞典", "挪威", "芬兰",
  "丹麦", "希腊", "葡萄牙", "奥地利", "匈牙利", "捷克", "塞尔维亚", "白俄罗斯", "阿联酋", "卡塔尔", "叙利亚", "阿富汗",
];

export const REGIONS = [
  "东南亚", "中东", "欧洲", "亚洲", "非洲", "北美", "拉美", "长三角", "珠三角", "京津冀", "粤港澳大湾区", "黄河流域", "长江经济带",
];

export const COUNTRIES_AND_REGIONS = [...COUNTRIES, ...REGIONS];

/** Organizations named by function alone in a local paper: the prefix resolves against the paper's city or province. */
export const LOCAL_ABBREVIATIONS: Record<string, { scope: "city" | "province"; full: (place: string, short: string) => string; kind: "party" | "government" | "congress" }> = {
  市委: { scope: "city", full: (_p, s) => `中共${s}市委`, kind: "party" },
  省委: { scope: "province", full: (_p, s) => `中共${s}省委`, kind: "party" },
  市政府: { scope: "city", full: (p) => `${p}人民政府`, kind: "government" },
  省政府: { scope: "province", full: (p) => `${p}人民政府`, kind: "government" },
  市人大常委会: { scope: "city", full: (p) => `${p}人大常委会`, kind: "congress" },
  市政协: { scope: "city", full: (p) => `政协${p}委员会`, kind: "congress" },
};

/** Short names of municipal bureaus as papers print them (市工信局) and their full forms. */
export const BUREAU_EXPANSIONS: Record<string, string> = {
  工信局: "工业和信息化局",
  发改委: "发展和改革委员会",
  住建局: "住房和城乡建设局",
  人社局: "人力资源和社会保障局",
  卫健委: "卫生健康委员会",
  市场监管局: "市场监督管理局",
  生态环境局: "生态环境局",
  自然资源局: "自然资源和规划局",
  新闻办: "人民政府新闻办公室",
};
