// People most often mentioned together: pairs of people named in the same articles dated between two days,
// counted by shared articles.
// @param from STRING = 0000-01-01  First article date, YYYY-MM-DD
// @param to STRING = 9999-12-31  Last article date, YYYY-MM-DD
// @param limit INTEGER = 20  How many pairs
// @example from=2023-01-01 to=2023-12-31 limit=10
MATCH (a:Article)
WHERE a.date >= $from AND a.date <= $to
MATCH (a)-[:MENTIONS]->(p1:Person), (a)-[:MENTIONS]->(p2:Person)
WHERE p1.id < p2.id
WITH p1, p2, count(DISTINCT a) AS articles
RETURN p1.name AS person1, p2.name AS person2, articles
ORDER BY articles DESC, person1, person2
LIMIT $limit
