// The most central people of a month: people named in that month's articles, ranked by their PageRank in the
// whole graph (written by `jianwen analyze` and after each ingest; 0 before), then by articles that month.
// @param month STRING  YYYY-MM
// @param limit INTEGER = 10  How many people
// @example month=2023-02 limit=10
MATCH (a:Article)
WHERE a.date STARTS WITH $month
MATCH (a)-[:MENTIONS]->(p:Person)
WITH p, count(DISTINCT a) AS articles
RETURN p.name AS person, coalesce(p.pagerank, 0.0) AS pagerank, coalesce(p.degree, 0) AS degree, articles
ORDER BY pagerank DESC, articles DESC, person
LIMIT $limit
