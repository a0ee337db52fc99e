// Meetings held in a place, or in any place under it (PART_OF, up to six levels: province → village), between
// two dates inclusive. Meetings without a date are left out.
// @param place STRING  Place id or name, e.g. 聊城市
// @param from STRING  First date, YYYY-MM-DD
// @param to STRING  Last date, YYYY-MM-DD
// @example place=聊城市 from=2023-01-01 to=2023-12-31
MATCH (root:Place) WHERE root.id = $place OR root.name = $place
MATCH (pl:Place)-[:PART_OF*0..6]->(root)
WITH DISTINCT pl
MATCH (m:Meeting)-[:HELD_IN]->(pl)
WHERE m.date >= $from AND m.date <= $to
RETURN DISTINCT m.date AS date, m.name AS meeting, pl.name AS place
ORDER BY date, meeting, place
