// An entity's evidence: every fact about it (mentions aside) with the sentence it was read from and the
// article, oldest first.
// @param entity STRING  Entity id or name
// @example entity=李长萍
// One index seek a label (id, name) instead of scanning every entity.
CALL {
  MATCH (e:Person) WHERE e.id = $entity OR e.name = $entity RETURN e
  UNION MATCH (e:Organization) WHERE e.id = $entity OR e.name = $entity RETURN e
  UNION MATCH (e:Place) WHERE e.id = $entity OR e.name = $entity RETURN e
  UNION MATCH (e:Project) WHERE e.id = $entity OR e.name = $entity RETURN e
  UNION MATCH (e:Meeting) WHERE e.id = $entity OR e.name = $entity RETURN e
}
MATCH (e)-[r]-(other)
WHERE NOT r:MENTIONS AND r.sentence IS NOT NULL
OPTIONAL MATCH (a:Article {id: r.article})
RETURN type(r) AS relation, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       coalesce(other.name, other.title) AS other, a.date AS date, a.title AS article, r.sentence AS sentence
ORDER BY date, relation, other, sentence
