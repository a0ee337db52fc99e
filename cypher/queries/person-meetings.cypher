// The meetings a person took part in, in date order, with their role, where the meeting was held and who
// organized it.
// @param person STRING  Person id or name
// @example person=李长萍
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
MATCH (p)-[r:PARTICIPATED_IN]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
OPTIONAL MATCH (m)-[:ORGANIZED_BY]->(o:Organization)
WITH DISTINCT m, r.role AS role, pl, o
ORDER BY pl.name, o.name
RETURN m.date AS date, m.name AS meeting, role, collect(DISTINCT pl.name) AS places, collect(DISTINCT o.name) AS organizers
ORDER BY date, meeting, role
