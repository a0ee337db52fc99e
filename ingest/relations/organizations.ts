// Organizations: where an organization is (LOCATED_IN) and which organization it belongs to (PART_OF).
import { placeInName } from "./projects.js";
import type { RelateScope } from "./scope.js";

export function relateOrganizations(s: RelateScope): void {
  const orgMentions = [...s.found.mentions, ...s.found.nested].filter((m) => m.type === "Organization");
  for (const o of orgMentions) {
    const place = placeInName(o.canonical.replace(/^中共/, ""), s.ctx);
    if (!place) continue;
    s.entities.push(place);
    s.rel("LOCATED_IN", s.entityOf(o).id, place.id, o.start);
  }
}
