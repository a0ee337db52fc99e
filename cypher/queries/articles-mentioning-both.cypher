// Articles that mention two given entities (any type), newest first.
// @param a STRING  Entity id or name
// @param b STRING  Entity id or name
// @example a=李长萍 b=聊城市
MATCH (x:Person|Organization|Place|Project|Meeting) WHERE x.id = $a OR x.name = $a
MATCH (y:Person|Organization|Place|Project|Meeting) WHERE (y.id = $b OR y.name = $b) AND y <> x
MATCH (art:Article)-[:MENTIONS]->(x)
MATCH (art)-[:MENTIONS]->(y)
RETURN DISTINCT art.date AS date, art.title AS title, art.source AS source, art.id AS article
ORDER BY date DESC, title
