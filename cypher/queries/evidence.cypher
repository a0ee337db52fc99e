// An entity's evidence: every fact about it (mentions aside) with the sentences it was read from (the newest 50
// a fact keeps) and their articles, oldest first.
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
WHERE NOT r:MENTIONS
// A fact keeps its newest sentences in parallel lists; a byline (REPORTED) its one sentence, its article at the end.
WITH e, r, other,
     coalesce(r.evidenceArticles, CASE WHEN r.sentence IS NULL THEN [] ELSE [coalesce(r.article, other.id)] END) AS arts,
     coalesce(r.evidenceSentences, CASE WHEN r.sentence IS NULL THEN [] ELSE [r.sentence] END) AS sentences
UNWIND range(0, size(arts) - 1) AS i
OPTIONAL MATCH (a:Article {id: arts[i]})
RETURN type(r) AS relation, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       coalesce(other.name, other.title) AS other, a.date AS date, a.title AS article, sentences[i] AS sentence
ORDER BY date, relation, other, sentence
