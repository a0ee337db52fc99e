// Projects located in a county (or a town or village under it) and the companies and other organizations
// reported to run them.
// @param county STRING  Place id or name, e.g. 高唐县
// @example county=高唐县
MATCH (c:Place) WHERE c.id = $county OR c.name = $county
MATCH (pl:Place)-[:PART_OF*0..4]->(c)
WITH DISTINCT pl
MATCH (pr:Project)-[:LOCATED_IN]->(pl)
OPTIONAL MATCH (o:Organization)-[:RUNS]->(pr)
WITH DISTINCT pr, pl, o
ORDER BY o.name
RETURN pr.name AS project, pl.name AS place, collect(o.name) AS runBy
ORDER BY project, place
