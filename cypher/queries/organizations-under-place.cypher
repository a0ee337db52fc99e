// Organizations located in a place or in any place under it (PART_OF, up to six levels), with their kind.
// @param place STRING  Place id or name
// @example place=聊城市
MATCH (root:Place) WHERE root.id = $place OR root.name = $place
MATCH (pl:Place)-[:PART_OF*0..6]->(root)
WITH DISTINCT pl
MATCH (o:Organization)-[:LOCATED_IN]->(pl)
RETURN DISTINCT o.name AS organization, o.kind AS kind, pl.name AS place
ORDER BY place, organization
