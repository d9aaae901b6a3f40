package io.lodestone.testkit;

import io.lodestone.stack.ElasticsearchServer;
import io.lodestone.stack.KafkaServer;
import io.lodestone.stack.Ports;
import io.lodestone.stack.RegistryServer;
import io.lodestone.stack.StackLayout;
import io.lodestone.stack.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real servers for integration tests, started lazily on free ports the first time a test asks for one
 * and stopped when the test JVM ends: a Kafka broker ({@link KafkaClusterTestKit}, in this JVM), and
 * Apicurio Registry and Elasticsearch as child processes from the distributions that the
 * {@code deploy/stack} module unpacked. One instance per JVM, shared by all test classes.
 */
public final class TestStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestStack.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static TestStack instance;

  private final StackLayout layout;
  private KafkaClusterTestKit kafka;
  /** Kafka clusters started so far, each with its own data directory. */
  private int kafkaClusters;
  private KafkaServer kafkaProcess;
  private RegistryServer registry;
  private ElasticsearchServer elasticsearch;

  private TestStack(StackLayout layout) {
    this.layout = layout;
  }

  /** The JVM's stack; servers start on first use. */
  public static synchronized TestStack get() {
    if (instance == null) {
      instance = new TestStack(testLayout());
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "test-stack-shutdown"));
    }
    return instance;
  }

  /**
   * Distributions come from the project's {@code .lodestone/dist} (system property lodestone.home,
   * set by the build); data and logs of this run go to {@code target/test-stack-<pid>}. When run as
   * root from a checkout the unprivileged Elasticsearch user cannot enter (under /root, say), both
   * move to the temporary directory instead.
   */
  private static StackLayout testLayout() {
    String home = System.getProperty("lodestone.home");
    if (home == null) {
      throw new IllegalStateException("system property lodestone.home is not set; run the tests through Maven");
    }
    Path dist = Path.of(home, "dist");
    String run = "test-stack-" + ProcessHandle.current().pid();
    Path runDir = Path.of("target", run).toAbsolutePath();
    try {
      if (ElasticsearchServer.needsUnprivilegedUser() && ElasticsearchServer.firstUntraversable(runDir.getParent()) != null) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "lodestone");
        LOG.info("{} is not reachable by the unprivileged Elasticsearch user; using {}", runDir, tmp);
        Path tmpDist = tmp.resolve("dist");
        copyElasticsearch(new StackLayout(runDir, dist).elasticsearchDist(), new StackLayout(runDir, tmpDist).elasticsearchDist());
        return new StackLayout(tmp.resolve(run), tmpDist);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new StackLayout(runDir, dist);
  }

  private static void copyElasticsearch(Path from, Path to) throws java.io.IOException {
    if (Files.isDirectory(to.resolve("lib"))) {
      return;
    }
    Path partial = to.resolveSibling(to.getFileName() + ".partial");
    Trees.copy(from, partial);
    Files.move(partial, to);
  }

  public StackLayout layout() {
    return layout;
  }

  /** Bootstrap servers of a single-node KRaft broker with transactions, groups and streams enabled. */
  public synchronized String bootstrapServers() {
    return kafkaCluster().bootstrapServers();
  }

  public synchronized KafkaClusterTestKit kafkaCluster() {
    if (kafka == null) {
      kafka = startKafka(1);
    }
    return kafka;
  }

  /**
   * A new Kafka cluster of {@code brokers} brokers (one node that is also the controller, or brokers
   * beside one dedicated controller), owned by the caller (who closes it); the metadata enables the
   * transaction, group and streams protocols.
   *
   * <p>Its data goes under this run's data directory, not where the test kit puts it by default: a
   * temporary directory that a JVM shutdown hook of Kafka's deletes. Shutdown hooks run concurrently,
   * so that hook could delete the data while this stack's own hook was still closing the broker, and a
   * broker whose log directory fails halts the JVM, which then exits non-zero after its tests passed.
   */
  public synchronized KafkaClusterTestKit startKafka(int brokers) {
    try {
      sayWhenKafkaHalts();
      Path baseDirectory = Files.createDirectories(layout.data("kafka-testkit-" + ++kafkaClusters));
      BootstrapMetadata metadata = BootstrapMetadata.fromVersions(MetadataVersion.latestProduction(),
          Map.of("transaction.version", (short) 2, "group.version", (short) 1, "streams.version", (short) 1),
          "lodestone test stack");
      TestKitNodes nodes = new TestKitNodes.Builder(metadata)
          // One controller: a multi-broker cluster tests broker loss, not controller quorum changes.
          .setCombined(brokers == 1).setNumBrokerNodes(brokers).setNumControllerNodes(1)
          .setBaseDirectory(baseDirectory).build();
      KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
          .setConfigProp("auto.create.topics.enable", "false")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .setConfigProp("offsets.topic.replication.factor", Integer.toString(Math.min(brokers, 3)))
          .setConfigProp("transaction.state.log.replication.factor", Integer.toString(Math.min(brokers, 3)))
          .setConfigProp("transaction.state.log.min.isr", Integer.toString(Math.min(brokers, 2)))
          .setConfigProp("min.insync.replicas", Integer.toString(Math.min(brokers, 2)))
          .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      LOG.info("test Kafka cluster of {} broker(s) ready at {}", brokers, cluster.bootstrapServers());
      return cluster;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test Kafka cluster: " + e.getMessage(), e);
    }
  }

  /**
   * A broker halts its JVM when its log directory fails. If that happens as the JVM exits, its logging has
   * often shut down already, and the test run shows nothing but a JVM that exited with status 1; so say it on
   * standard error, with where it came from, before halting.
   */
  private static void sayWhenKafkaHalts() {
    Exit.setHaltProcedure((status, message) -> {
      new Throwable("the test Kafka cluster halts this JVM with status " + status + (message == null ? "" : ": " + message))
          .printStackTrace();
      Runtime.getRuntime().halt(status);
    });
  }

  /**
   * A Kafka broker as a separate process (single KRaft node), for tests that stop and restart the
   * broker on the same data; started on first use, stopped with the stack.
   */
  public synchronized KafkaServer kafkaProcess() {
    if (kafkaProcess == null) {
      KafkaServer server = new KafkaServer(layout, Ports.free(), Ports.free(), "512m");
      server.start(false);
      server.awaitReady(START_TIMEOUT);
      kafkaProcess = server;
      LOG.info("test Kafka process ready at {}", server.bootstrapServers());
    }
    return kafkaProcess;
  }

  /**
   * The registry's Confluent-compatible API URL (global compatibility BACKWARD). Its storage is a file,
   * so that a test may stop and restart it without losing the schema ids that records refer to.
   */
  public synchronized String registryUrl() {
    if (registry == null) {
      RegistryServer server = new RegistryServer(layout, Ports.free(), Ports.free(), true, "384m",
          System.getenv(RegistryServer.JAVA_HOME_ENV));
      server.start(false);
      server.awaitReady(START_TIMEOUT);
      registry = server;
      LOG.info("test registry (Apicurio {}) ready at {}", server.version(), server.url());
    }
    return registry.url();
  }

  public synchronized RegistryServer registry() {
    registryUrl();
    return registry;
  }

  /** Elasticsearch's HTTP URL. */
  public synchronized String elasticsearchUrl() {
    return elasticsearch().url();
  }

  public synchronized ElasticsearchServer elasticsearch() {
    if (elasticsearch == null) {
      ElasticsearchServer server = new ElasticsearchServer(layout, layout.data("elasticsearch"), Ports.free(),
          Ports.free(), "512m");
      server.start(false);
      server.awaitReady(START_TIMEOUT);
      elasticsearch = server;
      LOG.info("test Elasticsearch ready at {}", server.url());
    }
    return elasticsearch;
  }

  /** Deletes the Elasticsearch data of this run; its logs stay in target/ for post-mortems. */
  private void deleteData() {
    try (var paths = Files.walk(layout.data("elasticsearch"))) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // best effort: target/ is cleaned by the next mvn clean anyway
    }
  }

  @Override
  public synchronized void close() {
    if (elasticsearch != null) {
      elasticsearch.stop(Duration.ofSeconds(20));
      elasticsearch = null;
      deleteData();
    }
    if (registry != null) {
      registry.stop(Duration.ofSeconds(10));
      registry = null;
    }
    if (kafkaProcess != null) {
      kafkaProcess.stop(Duration.ofSeconds(20));
      kafkaProcess = null;
    }
    if (kafka != null) {
      try {
        kafka.close();
      } catch (Exception e) {
        LOG.warn("closing the test Kafka cluster failed: {}", e.getMessage());
      }
      kafka = null;
    }
  }
}
