// Stated cooperation between organizations (PARTNER_OF), with the sentence as evidence: A与B合作/签约/签订…协议,
// A联合B设立…, A携手B, A和B共建/共同举办, A、B联合主办. The cue must follow the pair in the same clause.
import type { Mention } from "../mentions/types.js";
import { clauseSubject } from "./event-places.js";
import type { RelateScope } from "./scope.js";

/** What joins the two names: a conjunction or preposition (then a cue must follow), or a verb of joint action. */
const JOIN = /^(?:与|和|同|跟|及|、)(?:[\u4e00-\u9fff]{1,6}?[省市])?$/;
const JOINT_VERB = /^(?:联合|携手|联手|牵手|会同|协同)$/;
/** Words of cooperation after the pair, in the same clause. */
const CUE =
  /^[^，。；！？]{0,24}?(合作|签约|签订|签署|共建|共同|联合|携手|结对|共设|共办|联办|联建|共享|战略伙伴|合办|协作|共商)/;

export function relatePartners(s: RelateScope): void {
  const orgs = s.found.mentions.filter((m) => m.type === "Organization").sort((a, b) => a.start - b.start);
  const partner = (a: Mention, b: Mention, cue: string) => {
    const x = s.entityOf(a);
    const y = s.entityOf(b);
    if (x.id === y.id) return;
    s.entities.push(x, y);
    s.rel("PARTNER_OF", x.id, y.id, a.start, { cue });
  };
  coBuilders(s, orgs, partner);
  for (let i = 0; i + 1 < orgs.length; i++) {
    const a = orgs[i]!;
    // A chain of names joined by 与/和/、 shares the cue that follows the last (A、B和C共同举办).
    let j = i + 1;
    while (j < orgs.length && JOIN.test(s.text.slice(orgs[j - 1]!.end, orgs[j]!.start))) j++;
    const between = s.text.slice(a.end, orgs[i + 1]!.start);
    if (JOINT_VERB.test(between)) {
      partner(a, orgs[i + 1]!, between);
      continue;
    }
    if (j === i + 1) continue;
    const cue = CUE.exec(s.text.slice(orgs[j - 1]!.end, orgs[j - 1]!.end + 40))?.[1];
    if (!cue) continue;
    for (let k = i + 1; k < j; k++) partner(a, orgs[k]!, cue);
  }
}

/** 与/联合/联动 before a list of organizations (A、B和C, 专家/等 after it) and a word of cooperation after it. */
const WITH = /(?:与|同|跟|联合|联动|携手|联手|会同)$/;
const LIST_JOIN = /^(?:、|和|及|以及)$/;
const CO_CUE =
  /^(?:专家|团队|等单位|等企业|等机构|等)?(?:[^，。；！？]{0,8}?)(合作|签约|签订|签署|共建|共同建设|共同打造|联合打造|合作建设|战略合作)/;
const BUILD_CUE = /^(?:专家|团队|等单位|等)?(?:合作|联合|共同)?(?:共建|建设|打造|组建|设立)了?[“]?$/;

/** The subject side of a stated cooperation: the clause's subject and the thing built together. */
function coBuilders(s: RelateScope, orgs: Mention[], partner: (a: Mention, b: Mention, cue: string) => void): void {
  const { text } = s;
  const builtTargets = s.found.mentions.filter((m) => m.type === "Organization" || m.type === "Project");
  for (let i = 0; i < orgs.length; i++) {
    const first = orgs[i]!;
    const lead = text.slice(Math.max(0, first.start - 2), first.start);
    if (!WITH.test(lead)) continue;
    let j = i;
    while (j + 1 < orgs.length && LIST_JOIN.test(text.slice(orgs[j]!.end, orgs[j + 1]!.start))) j++;
    const last = orgs[j]!;
    const cue = CO_CUE.exec(text.slice(last.end, last.end + 24))?.[1];
    if (!cue) continue;
    const group = orgs.slice(i, j + 1);
    // The one the builders built: an organization or project right after 共建 (…专家共建达州市人工智能研究院).
    const built = builtTargets.find(
      (m) => m.start > last.end && m.start - last.end <= 10 && BUILD_CUE.test(text.slice(last.end, m.start)),
    );
    if (built) for (const o of group) partner(o, built, cue);
    // The subject: an organization right before 与 is the pair rule's; else a project, place or body opening the clause.
    const at = first.start - lead.length + lead.search(WITH);
    if (orgs.some((o) => o.end === at || (o.end < at && /^(?:专家|团队)?$/.test(text.slice(o.end, at))))) continue;
    const subject = clauseSubject(s, at);
    if (subject && !group.includes(subject)) for (const o of group) partner(subject, o, cue);
  }
}
