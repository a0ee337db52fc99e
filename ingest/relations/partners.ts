// Stated cooperation between organizations (PARTNER_OF), with the sentence as evidence: A与B合作/签约/签订…协议,
// A联合B设立…, A携手B, A和B共建/共同举办, A、B联合主办. The cue must follow the pair in the same clause.
import type { Mention } from "../mentions/types.js";
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
