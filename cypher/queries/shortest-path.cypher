// The shortest chain of facts linking two people: posts, meetings, organizations, projects and places, not
// shared articles (every two people in one article would otherwise be two steps apart).
// @param from STRING  Person id or name
// @param to STRING  Person id or name
// @example from=李长萍 to=张三
MATCH (a:Person) WHERE a.id = $from OR a.name = $from
MATCH (b:Person) WHERE (b.id = $to OR b.name = $to) AND b <> a
MATCH path = shortestPath((a)-[:HOLDS_POSITION|PARTICIPATED_IN|HELD_IN|ORGANIZED_BY|RUNS|LOCATED_IN|PART_OF|PARTNER_OF*..10]-(b))
RETURN [n IN nodes(path) | n.name] AS names,
       [r IN relationships(path) | type(r)] AS relations,
       length(path) AS hops
