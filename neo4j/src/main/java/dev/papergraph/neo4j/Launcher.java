package dev.papergraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts a local Neo4j Community DBMS for papergraph.
 *
 * <p>Usage: {@code Launcher --data DIR --port PORT [--pagecache-mb N] [--parent-pid PID]}. Prints
 * {@code PAPERGRAPH_NEO4J_READY bolt://127.0.0.1:PORT} once the default database answers, and
 * shuts down cleanly on SIGTERM / SIGINT, or when the parent process given by {@code --parent-pid}
 * is gone (so a killed test run or {@code npm start} never leaves an orphan JVM). Heap is set by the caller with {@code -Xmx}; auth is off
 * because Bolt only listens on loopback.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    Path data = null;
    int port = 7687;
    long pageCacheMb = 256;
    long parentPid = -1;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--data" -> { data = Path.of(require(value, "--data")); i++; }
        case "--port" -> { port = Integer.parseInt(require(value, "--port")); i++; }
        case "--pagecache-mb" -> { pageCacheMb = Long.parseLong(require(value, "--pagecache-mb")); i++; }
        case "--parent-pid" -> { parentPid = Long.parseLong(require(value, "--parent-pid")); i++; }
        default -> fail("unknown argument " + args[i]);
      }
    }
    if (data == null) {
      fail("--data DIR is required");
    }

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(data.toAbsolutePath())
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
            .build();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("PAPERGRAPH_NEO4J_STOPPING");
                  dbms.shutdown();
                  System.out.println("PAPERGRAPH_NEO4J_STOPPED");
                },
                "papergraph-neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    // The default database is started by build(); wait until it accepts transactions.
    while (!db.isAvailable(1000)) {
      System.out.println("waiting for the default database");
    }
    System.out.println("PAPERGRAPH_NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    if (parentPid > 0) {
      watchParent(parentPid);
    }
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void watchParent(long pid) {
    Thread watcher =
        new Thread(
            () -> {
              while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.out.println("parent process " + pid + " is gone");
              System.exit(0);
            },
            "papergraph-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String require(String value, String flag) {
    if (value == null) {
      fail(flag + " needs a value");
    }
    return value;
  }

  private static void fail(String message) {
    System.err.println("papergraph-neo4j: " + message);
    System.exit(2);
  }
}
