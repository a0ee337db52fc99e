// A person's posts as spans: one row per organization and title, first and last seen (the dates of the articles
// that state it), how many articles state it, and whether every one of them calls it former (时任, 原, 前任).
// @param person STRING  Person id or name
// @example person=李长萍
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
MATCH (p)-[h:HOLDS_POSITION]->(o:Organization)
// One relationship per post; the aggregation also folds a graph loaded before that (see `jianwen migrate`).
WITH p, o, h.title AS title, min(h.firstSeen) AS firstSeen, max(h.lastSeen) AS lastSeen,
     sum(coalesce(h.articles, 1)) AS articles, all(x IN collect(coalesce(h.former, false)) WHERE x) AS former
RETURN p.name AS person, o.name AS organization, title, firstSeen, lastSeen, articles, former
ORDER BY firstSeen, organization, title
