// A person's posts over time: every title they were reported holding, at which organization, first and last
// seen (the post's asOf date, else the reporting article's date), and how many reports say so.
// @param person STRING  Person id or name
// @example person=李长萍
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
MATCH (p)-[h:HOLDS_POSITION]->(o:Organization)
OPTIONAL MATCH (a:Article {id: h.article})
WITH p, h, o, coalesce(h.asOf, a.date) AS seen
RETURN p.name AS person, h.title AS title, o.name AS organization,
       min(seen) AS firstSeen, max(seen) AS lastSeen, count(h) AS reports
ORDER BY firstSeen, organization, title
