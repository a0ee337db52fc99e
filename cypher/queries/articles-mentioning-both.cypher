// Articles that mention two given entities (any type), newest first.
// @param a STRING  Entity id or name
// @param b STRING  Entity id or name
// @example a=李长萍 b=聊城市
// One index seek a label (id, name) instead of scanning every entity.
CALL {
  MATCH (x:Person) WHERE x.id = $a OR x.name = $a RETURN x
  UNION MATCH (x:Organization) WHERE x.id = $a OR x.name = $a RETURN x
  UNION MATCH (x:Place) WHERE x.id = $a OR x.name = $a RETURN x
  UNION MATCH (x:Project) WHERE x.id = $a OR x.name = $a RETURN x
  UNION MATCH (x:Meeting) WHERE x.id = $a OR x.name = $a RETURN x
}
CALL {
  MATCH (y:Person) WHERE y.id = $b OR y.name = $b RETURN y
  UNION MATCH (y:Organization) WHERE y.id = $b OR y.name = $b RETURN y
  UNION MATCH (y:Place) WHERE y.id = $b OR y.name = $b RETURN y
  UNION MATCH (y:Project) WHERE y.id = $b OR y.name = $b RETURN y
  UNION MATCH (y:Meeting) WHERE y.id = $b OR y.name = $b RETURN y
}
WITH x, y WHERE y <> x
MATCH (art:Article)-[:MENTIONS]->(x)
MATCH (art)-[:MENTIONS]->(y)
RETURN DISTINCT art.date AS date, art.title AS title, art.source AS source, art.id AS article
ORDER BY date DESC, title
