// Places inside places (PART_OF): the division hierarchy of every coded place the article names.
import { ancestors } from "../gazetteer/places.js";
import { placeEntity } from "../resolve.js";
import type { RelateScope } from "./scope.js";

export function relatePlaces(s: RelateScope): void {
  const { found } = s;
  const placeEntities = s.entities.filter((e) => e.type === "Place" && e.code);
  const firstMention = (id: string) =>
    found.mentions.find((m) => m.type === "Place" && s.entityOf(m).id === id)?.start ?? 0;
  for (const e of placeEntities) {
    let child = e;
    for (const a of ancestors(e.code!.replace(/(00)+$/, ""))) {
      const parent = placeEntity(a);
      s.entities.push(parent);
      s.rel("PART_OF", child.id, parent.id, firstMention(e.id));
      child = parent;
    }
  }
}
