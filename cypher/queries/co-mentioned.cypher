// People most often mentioned together: pairs of people named in the same articles dated between two days,
// counted by shared articles.
// @param from STRING = 0000-01-01  First article date, YYYY-MM-DD
// @param to STRING = 9999-12-31  Last article date, YYYY-MM-DD
// @param limit INTEGER = 20  How many pairs
// @example from=2023-01-01 to=2023-12-31 limit=10
MATCH (a:Article)
WHERE a.date >= $from AND a.date <= $to
// Pairs of ids per article, counted, and only the winners looked up again: a list article naming hundreds of
// people makes tens of thousands of pairs, which must stay cheap values until the end.
WITH a, COLLECT { MATCH (a)-[:MENTIONS]->(p:Person) RETURN DISTINCT p.id } AS people
UNWIND people AS id1
UNWIND people AS id2
WITH id1, id2
WHERE id1 < id2
WITH id1, id2, count(*) AS articles
ORDER BY articles DESC, id1, id2
LIMIT $limit
MATCH (p1:Person {id: id1})
MATCH (p2:Person {id: id2})
RETURN p1.name AS person1, p2.name AS person2, articles
ORDER BY articles DESC, person1, person2
