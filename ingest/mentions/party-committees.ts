// Party committees as news writes them: a place and 委 (长沙市委, 德清县委, 科尔沁区委, 忠县县委) is the CPC
// committee of that place, canonical 中共 + the text, the text kept as an alias. A bare 县委 or 区委 is the committee
// of the county the article is about (ArticleContext.focus).
import { TITLE_AFTER } from "../gazetteer/org-heads.js";
import type { ArticleContext, Mention } from "./types.js";

/** Units of a committee that belong to its name when no title follows (市委宣传部 as a body, not 宣传部部长). */
const UNIT = /^(?:办公室|办公厅|常委会|宣传部|组织部|统战部|政法委|编办|政研室|党校)/;
/** 委 that begins another word: 委托 (entrust), 委员 (member), 委屈, 委派. */
const NOT_COMMITTEE = /^委(?:托|员|屈|婉|派|任|身)/;
const LEVEL_END = /[省市县区州旗盟]$/;

function committee(start: number, end: number, text: string, canonical: string, via: string): Mention {
  return { type: "Organization", start, end, text, canonical, props: { kind: "party" }, via };
}

/** The unit after a committee, when one follows and no title comes after it. */
function unitAfter(text: string, at: number): string {
  const u = UNIT.exec(text.slice(at, at + 4))?.[0];
  if (!u || TITLE_AFTER.test(text.slice(at + u.length, at + u.length + 4))) return "";
  return u;
}

export function partyCommittees(text: string, ctx: ArticleContext, places: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const p of places) {
    if (!p.props.code || !/^(?:province|city|county)$/.test(p.props.level ?? "")) continue;
    const after = text.slice(p.end, p.end + 4);
    // 德清县 + 委, or 长沙 + 市委 (the short name and the level written with 委), or 忠县 + 县委.
    const level = LEVEL_END.test(p.text) ? /^[县市区]?委/.exec(after) : /^[省市县区州旗盟]委/.exec(after);
    if (!level || NOT_COMMITTEE.test(after.slice(level[0].length - 1))) continue;
    if (level[0].length === 2 && LEVEL_END.test(p.text) && level[0][0] !== p.text.at(-1)) continue;
    const end = p.end + level[0].length;
    const unit = unitAfter(text, end);
    const surface = text.slice(p.start, end + unit.length);
    out.push(
      committee(p.start, end + unit.length, surface, `中共${text.slice(p.start, end)}${unit}`, "party-committee"),
    );
  }
  // 县委书记 in an article about one county: that county's committee.
  const county = ctx.focus?.county;
  if (county)
    for (const m of text.matchAll(/[县区]委(?![托员屈婉派任身])/g)) {
      if (county.name.at(-1) !== m[0][0] || /[\u4e00-\u9fff]/.test(text[m.index - 1] ?? "")) continue;
      const unit = unitAfter(text, m.index + 2);
      out.push(
        committee(m.index, m.index + 2 + unit.length, m[0] + unit, `中共${county.name}委${unit}`, "party-committee"),
      );
    }
  return out;
}
