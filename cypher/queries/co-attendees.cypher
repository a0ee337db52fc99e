// Who attended meetings together with a person: everyone else who took part (chaired, spoke or attended) in a
// meeting the person took part in, with how many such meetings and their names in date order.
// @param person STRING  Person id or name
// @example person=李长萍
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)
WITH DISTINCT p, m
MATCH (m)<-[:PARTICIPATED_IN]-(other:Person)
WHERE other <> p
WITH DISTINCT other, m
ORDER BY m.date, m.name
WITH other, collect(m.name) AS meetings
RETURN other.name AS person, size(meetings) AS together, meetings
ORDER BY together DESC, person
