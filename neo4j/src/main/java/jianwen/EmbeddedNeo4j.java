// Starts an embedded Neo4j Community DBMS with only a Bolt connector on 127.0.0.1, for `jianwen db start`,
// tests and benchmarks on machines without Docker. Auth is off because the socket is bound to loopback only.
// Prints one "jianwen-neo4j: ready bolt://127.0.0.1:PORT" line once Bolt accepts connections and shuts the
// DBMS down cleanly on SIGTERM/SIGINT (shutdown hook), so the store is never left needing recovery.
// For `jianwen ingest --bulk` it can first run Neo4j's offline importer in this same JVM (--import FILE: the
// importer's arguments, one a line) and apply a schema before "ready" (--schema FILE: one Cypher statement a
// line), so the import costs no second JVM start and the indexes fill while the query engine warms up.
// With --await-import PID the launcher is started before the import file exists (while `ingest --bulk`, process
// PID, still extracts and writes its CSV): it first imports, starts and queries a small store of its own, so the
// importer, the database and the Cypher engine are loaded and compiled by the time the real import begins, then
// waits for the file.
package jianwen;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

public final class EmbeddedNeo4j {
  private static final String HOST = "127.0.0.1";
  /** An import file holding only this line: no import (the ingest that awaited it failed); start as it was. */
  private static final String CANCEL_IMPORT = "--cancel";
  private static final int WARM_UP_NODES = 400;
  private static final int WARM_UP_RELATIONSHIPS = 1600;

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
    if (args.length > 0 && args[args.length - 1].equals("--train")) {
      // Run under -XX:ArchiveClassesAtExit: the warm-up's classes (importer, database, Cypher engine) are written to
      // a class-data archive when the JVM exits, which later starts map instead of loading and verifying them.
      warmUpImport(data, schemaFile);
      System.out.println("jianwen-neo4j: trained");
      System.out.flush();
      System.exit(0);
    }
    if (importFile != null) {
      String awaitFor = argument(args, "--await-import");
      if (awaitFor != null) {
        warmUpImport(data, schemaFile);
        awaitFile(Path.of(importFile), Long.parseLong(awaitFor));
      }
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
      runWarmUpQueries(db);
      System.out.println("jianwen-neo4j: query engine warmed up in " + (System.nanoTime() - began) / 1_000_000 + " ms");
    } catch (RuntimeException e) {
      // Not fatal: the server still works, only its first queries are slow. Said so in the log.
      System.out.println("jianwen-neo4j: warning: warm-up query failed: " + rootMessage(e));
    }
  }

  private static void runWarmUpQueries(GraphDatabaseService db) {
    db.executeTransactionally("MATCH (n) RETURN count(n) AS n");
    db.executeTransactionally("MATCH (a:JianwenWarmUp {id: $id})-[r]->(b) RETURN type(r), b LIMIT 1", Map.of("id", ""));
    db.executeTransactionally("CALL db.labels() YIELD label RETURN collect(label) AS labels");
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
    if (lines.size() == 1 && lines.get(0).equals(CANCEL_IMPORT)) {
      System.out.println("jianwen-neo4j: import cancelled; starting the database as it was");
      System.out.flush();
      return;
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
    List<String> statements;
    try {
      statements = readStatements(file);
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

  /**
   * Imports a few hundred generated nodes and relationships of the shapes `ingest --bulk` writes (string arrays,
   * multi-line text, numbers) into a store of its own under the data folder, starts a database on it without
   * connectors, applies the schema and runs the warm-up queries, then removes it. On a fresh JVM the importer and
   * the database spend most of their time loading and compiling their own code; done here, while the ingest still
   * writes CSV, the real import and start find it done. A failure is only reported: the real import does not
   * depend on it.
   */
  private static void warmUpImport(Path data, String schemaFile) {
    long began = System.nanoTime();
    Path home = data.resolve("warm-up");
    try {
      deleteTree(home);
      Path csv = Files.createDirectories(home.resolve("csv"));
      Path conf = Files.createDirectories(home.resolve("conf"));
      Files.writeString(conf.resolve("neo4j.conf"), "");
      Path nodes = csv.resolve("nodes.csv");
      Path relationships = csv.resolve("relationships.csv");
      writeWarmUpCsv(nodes, relationships);
      String[] argv = {
        "database", "import", "full", "neo4j", "--overwrite-destination=true", "--array-delimiter=U+001F",
        "--multiline-fields-format=v2", "--multiline-fields=" + nodes, "--nodes=" + nodes,
        "--relationships=" + relationships, "--report-file=" + home.resolve("import.report"),
        "--max-off-heap-memory=64m"
      };
      // The importer's progress and warnings go nowhere: the log keeps the real import's.
      PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
      int code =
          AdminTool.execute(new ExecutionContext(home, conf, silent, silent, new DefaultFileSystemAbstraction()), argv);
      if (code != 0) {
        throw new IllegalStateException("the importer exited with " + code);
      }
      DatabaseManagementService dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, false)
              .setConfig(HttpConnector.enabled, false)
              .setConfig(HttpsConnector.enabled, false)
              .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
              .build();
      try {
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
          throw new IllegalStateException("the warm-up database did not become available");
        }
        if (schemaFile != null) {
          try (Transaction tx = db.beginTx()) {
            for (String statement : readStatements(Path.of(schemaFile))) {
              tx.execute(statement).close();
            }
            tx.commit();
          }
          try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(2, TimeUnit.MINUTES);
            tx.commit();
          }
        }
        runWarmUpQueries(db);
      } finally {
        dbms.shutdown();
      }
      System.out.println("jianwen-neo4j: warm-up import and start done in " + (System.nanoTime() - began) / 1_000_000 + " ms");
    } catch (IOException | RuntimeException e) {
      System.out.println("jianwen-neo4j: warning: warm-up import failed: " + rootMessage(e));
    } finally {
      try {
        deleteTree(home);
      } catch (IOException e) {
        System.out.println("jianwen-neo4j: warning: could not remove " + home + ": " + rootMessage(e));
      }
    }
    System.out.flush();
  }

  /** Articles (multi-line text, string arrays) and entities, and relationships with evidence arrays between them. */
  private static void writeWarmUpCsv(Path nodes, Path relationships) throws IOException {
    String[] labels = {"Article", "Person", "Organization", "Place", "Project", "Meeting"};
    StringBuilder n = new StringBuilder("id:ID,:LABEL,aliases:string[],degree:long,pagerank:double,flag:boolean,name,text\n");
    for (int i = 0; i < WARM_UP_NODES; i++) {
      String label = labels[i % labels.length];
      n.append("w:").append(i).append(',').append(label).append(",a").append(i).append('\u001f').append('b').append(i)
          .append(',').append(i % 17).append(',').append(i / 1000.0).append(',').append(i % 2 == 0).append(",名").append(i)
          .append(",\"第一行").append(i).append("\n第二行，\"\"引\"\"\"\n");
    }
    Files.writeString(nodes, n.toString(), StandardCharsets.UTF_8);
    StringBuilder r = new StringBuilder(":START_ID,:END_ID,:TYPE,articleIds:string[],articles:long,evidenceCount:double,key\n");
    for (int i = 0; i < WARM_UP_RELATIONSHIPS; i++) {
      int from = (i * 7) % WARM_UP_NODES;
      int to = (i * 13 + 1) % WARM_UP_NODES;
      r.append("w:").append(from).append(",w:").append(to).append(i % 3 == 0 ? ",MENTIONS," : ",PART_OF,")
          .append("w:").append(from).append('\u001f').append("w:").append(to).append(',').append(i % 5).append(',')
          .append(i % 3).append(",k").append(i).append('\n');
    }
    Files.writeString(relationships, r.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Waits for `file` to appear (written whole, by rename). When process `ingest` (the ingest that will write it)
   * is gone first, there is no import: the database starts as it was, not left stopped.
   */
  private static void awaitFile(Path file, long ingest) throws InterruptedException {
    long began = System.nanoTime();
    System.out.println("jianwen-neo4j: standing by for the import file " + file);
    System.out.flush();
    while (!Files.exists(file)) {
      if (!ProcessHandle.of(ingest).map(ProcessHandle::isAlive).orElse(false)) {
        System.out.println("jianwen-neo4j: the ingest (pid " + ingest + ") that was to write it has exited; no import");
        try {
          Files.writeString(file, CANCEL_IMPORT + "\n");
        } catch (IOException e) {
          fail("could not write " + file + ": " + rootMessage(e));
        }
        break;
      }
      Thread.sleep(50);
    }
    System.out.println("jianwen-neo4j: import file found after " + (System.nanoTime() - began) / 1_000_000 + " ms standing by");
    System.out.flush();
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

  /** The non-blank lines of a schema file, one statement each. */
  private static List<String> readStatements(Path file) throws IOException {
    List<String> statements = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        statements.add(line);
      }
    }
    return statements;
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
