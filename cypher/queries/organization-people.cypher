// Who holds which post in an organization, by how many reports, latest first seen first.
// @param organization STRING  Organization id or name
// @example organization=中共聊城市委
MATCH (o:Organization) WHERE o.id = $organization OR o.name = $organization
MATCH (p:Person)-[h:HOLDS_POSITION]->(o)
OPTIONAL MATCH (a:Article {id: h.article})
WITH p, h.title AS title, max(coalesce(h.asOf, a.date)) AS lastSeen, count(h) AS reports
RETURN p.name AS person, title, lastSeen, reports
ORDER BY lastSeen DESC, reports DESC, person, title
