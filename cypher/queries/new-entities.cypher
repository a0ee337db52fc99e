// Entities first seen in a date range: the earliest dated article that mentions them falls between two days.
// @param from STRING  First date, YYYY-MM-DD
// @param to STRING  Last date, YYYY-MM-DD
// @param type STRING = null  Person, Organization, Place, Project or Meeting; null for all
// @example from=2023-02-01 to=2023-02-28 type=Person
MATCH (a:Article)-[:MENTIONS]->(e)
WHERE a.date IS NOT NULL AND ($type IS NULL OR $type IN labels(e))
WITH e, min(a.date) AS firstSeen
WHERE firstSeen >= $from AND firstSeen <= $to
RETURN labels(e)[0] AS type, e.name AS name, firstSeen
ORDER BY firstSeen, type, name
