// Starts an embedded Neo4j Community DBMS with only a Bolt connector on 127.0.0.1, for `jianwen db start`,
// tests and benchmarks on machines without Docker. Auth is off because the socket is bound to loopback only.
// Prints one "jianwen-neo4j: ready bolt://127.0.0.1:PORT" line once Bolt accepts connections and shuts the
// DBMS down cleanly on SIGTERM/SIGINT (shutdown hook), so the store is never left needing recovery.
// For `jianwen ingest --bulk` it can first run Neo4j's offline importer in this same JVM (--import FILE: the
// importer's arguments, one a line) and apply a schema before "ready" (--schema FILE: one Cypher statement a
// line), so the import costs no second JVM start and the indexes fill while the query engine warms up.
package jianwen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

public final class EmbeddedNeo4j {
  private static final String HOST = "127.0.0.1";

  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(option(args, "--port", "JIANWEN_NEO4J_PORT", "7687"));
    Path data = Path.of(option(args, "--data", "JIANWEN_NEO4J_DATA", ".jianwen/neo4j-" + port)).toAbsolutePath();
    long pageCacheMb = Long.parseLong(option(args, "--pagecache-mb", "JIANWEN_NEO4J_PAGECACHE_MB", "512"));
    if (port < 1 || port > 65535) {
      fail("--port must be between 1 and 65535, got " + port);
    }
    Files.createDirectories(data);
    String importFile = argument(args, "--import");
    String schemaFile = argument(args, "--schema");
    if (importFile != null) {
      runImport(data, Path.of(importFile));
    }

    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(data)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              .setConfig(HttpConnector.enabled, false)
              .setConfig(HttpsConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
              // Development data: keep only the newest transaction logs so the folder stays small.
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
              // Bolt otherwise spends ~10 s in Netty's graceful-shutdown quiet periods after the databases have
              // already checkpointed and stopped; a local DBMS has nothing to drain. The in-process
              // "bolt-local" connector is unused here.
              .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
              .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
              .build();
    } catch (RuntimeException e) {
      fail("could not start Neo4j on " + HOST + ":" + port + " with data in " + data + ": " + rootMessage(e));
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("jianwen-neo4j: shutting down");
                  dbms.shutdown();
                  System.out.println("jianwen-neo4j: stopped");
                  stopped.countDown();
                },
                "jianwen-neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(120_000)) {
      fail("the default database did not become available within 120 s; see " + data.resolve("logs/debug.log"));
    }
    boolean schema = schemaFile != null && applySchema(db, Path.of(schemaFile));
    warmUp(db);
    if (schema) {
      awaitIndexes(db);
    }
    System.out.println("jianwen-neo4j: ready bolt://" + HOST + ":" + port + " data " + data);
    System.out.flush();
    stopped.await();
  }

  /**
   * Loads the Cypher planner and runtime before "ready": the first query on a cold JVM otherwise takes
   * seconds, which a client with a short query timeout (the read-only service, a test) reports as a failure.
   */
  private static void warmUp(GraphDatabaseService db) {
    long began = System.nanoTime();
    try {
      db.executeTransactionally("MATCH (n) RETURN count(n) AS n");
      db.executeTransactionally("MATCH (a:JianwenWarmUp {id: $id})-[r]->(b) RETURN type(r), b LIMIT 1", Map.of("id", ""));
      db.executeTransactionally("CALL db.labels() YIELD label RETURN collect(label) AS labels");
      System.out.println("jianwen-neo4j: query engine warmed up in " + (System.nanoTime() - began) / 1_000_000 + " ms");
    } catch (RuntimeException e) {
      // Not fatal: the server still works, only its first queries are slow. Said so in the log.
      System.out.println("jianwen-neo4j: warning: warm-up query failed: " + rootMessage(e));
    }
  }

  /**
   * Runs `neo4j-admin database import full` with the arguments in `file` (one a line; the first is the database
   * name) into the data folder, as the admin tool does with NEO4J_HOME set to it and an empty configuration.
   * Prints "jianwen-neo4j: import done in N ms" or "jianwen-neo4j: import failed ..."; a failed import leaves store
   * files Neo4j cannot start on, so that database's folders are removed and it starts empty again.
   */
  private static void runImport(Path data, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      fail("--import " + file + " holds no importer arguments");
    }
    String database = lines.get(0);
    List<String> argv = new ArrayList<>(List.of("database", "import", "full"));
    argv.addAll(lines);
    Path conf = Files.createTempDirectory("jianwen-import-conf");
    Files.writeString(conf.resolve("neo4j.conf"), "");
    System.out.println("jianwen-neo4j: import starting");
    System.out.flush();
    long began = System.nanoTime();
    int code;
    String error = "";
    try {
      code = AdminTool.execute(new ExecutionContext(data, conf), argv.toArray(new String[0]));
    } catch (RuntimeException e) {
      code = -1;
      error = ": " + rootMessage(e);
    } finally {
      deleteTree(conf);
    }
    long ms = (System.nanoTime() - began) / 1_000_000;
    System.out.flush();
    if (code == 0) {
      System.out.println("jianwen-neo4j: import done in " + ms + " ms");
    } else {
      deleteTree(data.resolve("data").resolve("databases").resolve(database));
      deleteTree(data.resolve("data").resolve("transactions").resolve(database));
      System.out.println("jianwen-neo4j: import failed (exit " + code + ")" + error);
    }
    System.out.flush();
  }

  /**
   * Runs the lines of `file` (one schema statement each) in one transaction, so the new indexes fill in one pass
   * over the store, in the background while the query engine warms up; statement by statement if the single
   * transaction is refused. Returns false, after saying why, when a statement fails: the caller applies the
   * schema over Bolt then and reports the refusal.
   */
  private static boolean applySchema(GraphDatabaseService db, Path file) {
    long began = System.nanoTime();
    List<String> statements = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          statements.add(line);
        }
      }
    } catch (IOException e) {
      System.out.println("jianwen-neo4j: schema failed: " + rootMessage(e));
      return false;
    }
    try (Transaction tx = db.beginTx()) {
      for (String statement : statements) {
        tx.execute(statement).close();
      }
      tx.commit();
    } catch (RuntimeException together) {
      System.out.println(
          "jianwen-neo4j: schema in one transaction refused (" + rootMessage(together) + "); one statement at a time");
      try {
        for (String statement : statements) {
          db.executeTransactionally(statement);
        }
      } catch (RuntimeException e) {
        System.out.println("jianwen-neo4j: schema failed: " + rootMessage(e));
        return false;
      }
    }
    System.out.println("jianwen-neo4j: schema created in " + (System.nanoTime() - began) / 1_000_000 + " ms");
    return true;
  }

  /** Waits until the new indexes are filled, so searches right after "ready" see every node. */
  private static void awaitIndexes(GraphDatabaseService db) {
    long began = System.nanoTime();
    try (Transaction tx = db.beginTx()) {
      tx.schema().awaitIndexesOnline(10, TimeUnit.MINUTES);
      tx.commit();
      System.out.println("jianwen-neo4j: indexes online in " + (System.nanoTime() - began) / 1_000_000 + " ms");
    } catch (RuntimeException e) {
      System.out.println("jianwen-neo4j: schema failed: indexes did not come online: " + rootMessage(e));
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Value of `--name VALUE` or `--name=VALUE` on the command line only, else null. */
  private static String argument(String[] args, String name) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return null;
  }

  /** Value of `--name VALUE` or `--name=VALUE`, else the environment variable, else the default. */
  private static String option(String[] args, String name, String env, String fallback) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    String fromEnv = System.getenv(env);
    return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      sb.append(" <- ").append(t.getMessage());
    }
    return sb.toString();
  }

  private static void fail(String message) {
    System.err.println("jianwen-neo4j: " + message);
    System.exit(1);
  }
}
