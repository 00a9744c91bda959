// Starts Ringscope's local Neo4j: an embedded Neo4j 5.26 DBMS whose only door is the Bolt
// connector on 127.0.0.1. Settings come from the environment (see tools/neo4j/README.md);
// tools/neo4j/neo4j.mjs runs it in the background and waits for Bolt to answer.
package org.ringscope.neo4j;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserAggregationFunction;
import org.neo4j.procedure.UserFunction;

public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(env("RINGSCOPE_NEO4J_HOME", "data/neo4j")).toAbsolutePath();
    int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
    boolean authEnabled = !"none".equalsIgnoreCase(env("NEO4J_AUTH", ""));
    String password = env("NEO4J_PASSWORD", "");
    if (authEnabled && password.length() < 8) {
      fail("NEO4J_PASSWORD must be set (8 characters or more), or NEO4J_AUTH=none to turn authentication off");
    }
    Path plugins = home.resolve("plugins");
    Files.createDirectories(plugins);

    Map<String, String> config = new HashMap<>();
    // Local only: every connector listens on the loopback interface.
    config.put("server.default_listen_address", "127.0.0.1");
    config.put("server.bolt.enabled", "true");
    config.put("server.bolt.listen_address", "127.0.0.1:" + port);
    config.put("server.bolt.tls_level", "DISABLED");
    config.put("dbms.security.auth_enabled", Boolean.toString(authEnabled));
    // The heap is set on the java command line; the page cache lives outside it. Both are sized
    // for a small shared machine: the application and its detectors need the rest.
    config.put("server.memory.pagecache.size", env("NEO4J_PAGECACHE", "1g"));
    config.put("db.memory.transaction.total.max", env("NEO4J_TX_MEMORY", "1g"));
    // Transaction logs beyond what recovery needs are pruned at checkpoints once they pass this
    // size. Neo4j's default keeps two days of them: a day of benchmark imports left 54 GB here.
    config.put("db.tx_log.rotation.retention_policy", env("NEO4J_TX_LOG_RETENTION", "1G size"));
    config.put("server.directories.plugins", plugins.toString());
    config.put("dbms.security.procedures.unrestricted", "gds.*");
    config.put("dbms.usage_report.enabled", "false");

    Path conf = home.resolve("conf/neo4j.conf");
    Files.createDirectories(conf.getParent());
    if (authEnabled) {
      // Bolt opens only once the password is the one asked for: first a run with Bolt closed
      // sets it, then the real run starts. So no client ever meets the default password.
      config.put("server.bolt.enabled", "false");
      Files.writeString(conf, toConf(config));
      DatabaseManagementService closed = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
      try {
        setPassword(closed.database("system"), password);
      } finally {
        closed.shutdown();
      }
      config.put("server.bolt.enabled", "true");
    }
    // Written out as a neo4j.conf so what the server runs with can be read in one place.
    Files.writeString(conf, toConf(config));
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    if ("1".equals(env("NEO4J_GDS", "0"))) registerGds(dbms);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("ringscope-neo4j: shutting down");
      dbms.shutdown();
      stopped.countDown();
    }, "ringscope-neo4j-shutdown"));

    System.out.println("ringscope-neo4j: ready on bolt://127.0.0.1:" + port + " (data in " + home + ", auth "
        + (authEnabled ? "on" : "off") + ")");
    stopped.await();
  }

  /**
   * Graph Data Science on the class path (NEO4J_GDS=1): its extension starts with the DBMS, but an
   * embedded DBMS only scans the plugins directory for procedures, so every class of the GDS
   * jars with a procedure or function is registered here. The same classes, one class loader.
   */
  private static void registerGds(DatabaseManagementService dbms) throws Exception {
    long started = System.nanoTime();
    GlobalProcedures procedures = ((GraphDatabaseAPI) dbms.database("system"))
        .getDependencyResolver().resolveDependency(GlobalProcedures.class);
    ClassLoader loader = Launcher.class.getClassLoader();
    int registered = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.replace('\\', '/').contains("/org/neo4j/gds/") || !entry.endsWith(".jar")) continue;
      try (JarFile jar = new JarFile(entry)) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          if (!name.startsWith("org/neo4j/gds/") || !name.endsWith(".class") || name.contains("$")) continue;
          registered += registerClass(procedures, loader, name.substring(0, name.length() - 6).replace('/', '.'));
        }
      }
    }
    System.out.printf("ringscope-neo4j: Graph Data Science: %d procedure and function classes registered in %.1f s%n",
        registered, (System.nanoTime() - started) / 1e9);
  }

  private static int registerClass(GlobalProcedures procedures, ClassLoader loader, String name) throws Exception {
    Class<?> type;
    Method[] methods;
    try {
      type = Class.forName(name, false, loader);
      methods = type.getDeclaredMethods();
    } catch (LinkageError | ClassNotFoundException e) {
      return 0; // a class for an optional feature whose dependencies are not here
    }
    boolean procedure = false;
    boolean function = false;
    boolean aggregation = false;
    for (Method m : methods) {
      procedure |= m.isAnnotationPresent(Procedure.class);
      function |= m.isAnnotationPresent(UserFunction.class);
      aggregation |= m.isAnnotationPresent(UserAggregationFunction.class);
    }
    if (procedure) procedures.registerProcedure(type);
    if (function) procedures.registerFunction(type);
    if (aggregation) procedures.registerAggregationFunction(type);
    return procedure || function || aggregation ? 1 : 0;
  }

  /** The password always follows NEO4J_PASSWORD, so changing the variable and restarting is enough. */
  private static void setPassword(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the one it already has: that is the state we want.
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
    }
  }

  private static String toConf(Map<String, String> config) {
    StringBuilder out = new StringBuilder("# Generated by the Ringscope launcher at each start; edit the environment, not this file.\n");
    new TreeMap<>(config).forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
    return out.toString();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void fail(String message) {
    System.err.println("ringscope-neo4j: " + message);
    System.exit(2);
  }
}
