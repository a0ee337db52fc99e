// Public surface of service/: the HTTP API over Neo4j (read-only Cypher, graph reads, OpenAPI) and the explorer's
// static files. Other folders import from here only.
export { createServer, type JianwenServer, type ServerOptions } from "./server.js";
export { overview } from "./graph-api.js";
export { firstView } from "./first-view.js";
export { userQuery } from "./query-api.js";
