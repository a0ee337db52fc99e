// Who holds which post in an organization: one row per person and title, with the span it was reported over
// (first and last seen), how many articles state it and whether every one calls it former; latest first.
// @param organization STRING  Organization id or name
// @example organization=中共聊城市委
MATCH (o:Organization) WHERE o.id = $organization OR o.name = $organization
MATCH (p:Person)-[h:HOLDS_POSITION]->(o)
WITH p, h.title AS title, min(h.firstSeen) AS firstSeen, max(h.lastSeen) AS lastSeen,
     sum(coalesce(h.articles, 1)) AS articles, all(x IN collect(coalesce(h.former, false)) WHERE x) AS former
RETURN p.name AS person, title, firstSeen, lastSeen, articles, former
ORDER BY lastSeen DESC, articles DESC, person, title
