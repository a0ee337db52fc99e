// The meetings a person took part in, in date order, with their role, where the meeting was held and who
// organized it.
// @param person STRING  Person id or name
// @example person=李长萍
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
MATCH (p)-[r:PARTICIPATED_IN]->(m:Meeting)
// One row per meeting and role before looking further (a graph not yet migrated has one relationship per article).
WITH DISTINCT m, r.role AS role
CALL {
  WITH m
  OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
  WITH DISTINCT pl ORDER BY pl.name
  RETURN collect(pl.name) AS places
}
CALL {
  WITH m
  OPTIONAL MATCH (m)-[:ORGANIZED_BY]->(o:Organization)
  WITH DISTINCT o ORDER BY o.name
  RETURN collect(o.name) AS organizers
}
RETURN m.date AS date, m.name AS meeting, role, places, organizers
ORDER BY date, meeting, role
