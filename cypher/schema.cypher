// Jianwen schema for Neo4j 5: applied idempotently by applySchema() (cypher/schema.ts) before every load.
// Statements end with ";" at the end of a line; lines starting with "//" are comments.

// One node per stable id, and the index that MERGE on id needs.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;

// Name and alias search. Neo4j 5 full-text indexes take STRING and LIST<STRING> properties, so the
// aliases list is indexed as stored. The cjk analyzer splits Han text into bigrams, so 长萍 finds 李长萍.
// Both full-text indexes are eventually consistent: Lucene is updated by a thread of its own after the commit
// instead of inside it, off the serial path of a load. Every writer waits for them before it returns
// (db.index.fulltext.awaitEventuallyConsistentIndexRefresh after loadGraphDoc, at the end of an ingest run and
// of curation), so a search after a load or a run sees all of it. A database created before keeps its indexes
// as they were.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Organization|Place|Project|Meeting) ON EACH [n.name, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true } };

CREATE FULLTEXT INDEX article_titles IF NOT EXISTS
FOR (n:Article) ON EACH [n.title]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true } };

// Dates are ISO strings (YYYY-MM-DD), so range predicates and ORDER BY on them use these indexes.
CREATE RANGE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
CREATE RANGE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);

// Named queries and the service look entities up by id or by name; with these, `n.name = $x` is a seek too.
CREATE RANGE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE RANGE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE RANGE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE RANGE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE RANGE INDEX meeting_name IF NOT EXISTS FOR (n:Meeting) ON (n.name);
