package io.lodestone.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka (KRaft, combined broker and controller) run from the jars that
 * {@code deploy/stack} copied into {@code dist/kafka-<version>/libs}, formatted on first start.
 */
public final class KafkaServer extends ServerProcess {
  public static final String PORT_ENV = "LODESTONE_KAFKA_PORT";
  public static final String CONTROLLER_PORT_ENV = "LODESTONE_KAFKA_CONTROLLER_PORT";

  private final StackLayout layout;
  private final int port;
  private final int controllerPort;
  private final String heap;

  public KafkaServer(StackLayout layout, int port, int controllerPort, String heap) {
    super("kafka", layout.logs().resolve("kafka.log"));
    this.layout = layout;
    this.port = port;
    this.controllerPort = controllerPort;
    this.heap = heap;
  }

  @Override
  public int port() {
    return port;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  protected Map<Integer, String> boundPorts() {
    return Map.of(port, PORT_ENV, controllerPort, CONTROLLER_PORT_ENV);
  }

  private Path node() {
    return layout.data("kafka");
  }

  @Override
  protected Path workingDirectory() {
    return node();
  }

  @Override
  protected void prepare() throws IOException {
    if (!Files.isDirectory(layout.kafkaLibs())) {
      throw new StackException("Kafka is not fetched yet (" + layout.kafkaLibs() + " is missing); run ./lodestone up, which fetches it");
    }
    Files.createDirectories(node().resolve("logs"));
    Properties server = new Properties();
    server.setProperty("process.roles", "broker,controller");
    server.setProperty("node.id", "1");
    server.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    server.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    server.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    server.setProperty("controller.listener.names", "CONTROLLER");
    server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    server.setProperty("log.dirs", node().resolve("logs").toString());
    server.setProperty("num.partitions", "3");
    // One node: every internal topic has one replica.
    server.setProperty("offsets.topic.replication.factor", "1");
    server.setProperty("transaction.state.log.replication.factor", "1");
    server.setProperty("transaction.state.log.min.isr", "1");
    server.setProperty("share.coordinator.state.topic.replication.factor", "1");
    server.setProperty("share.coordinator.state.topic.min.isr", "1");
    // Apps create their topics explicitly; a typo should fail, not create a topic.
    server.setProperty("auto.create.topics.enable", "false");
    server.setProperty("group.initial.rebalance.delay.ms", "0");
    try (var out = Files.newBufferedWriter(node().resolve("server.properties"))) {
      server.store(out, "Written by ./lodestone up at every start; edit KafkaServer.java instead");
    }
    Files.writeString(node().resolve("log4j2.yaml"), LOG4J2.formatted(logFile().toAbsolutePath()));
    if (!Files.exists(node().resolve("logs/meta.properties"))) {
      format();
    }
  }

  private void format() throws IOException {
    List<String> command = List.of(JavaRuntimes.current().java().toString(), "-cp", layout.kafkaLibs() + "/*",
        "-Dlog4j2.configurationFile=" + node().resolve("log4j2.yaml"),
        "kafka.tools.StorageTool", "format", "--standalone", "--ignore-formatted",
        "-t", Uuid.randomUuid().toString(), "-c", node().resolve("server.properties").toString());
    Files.createDirectories(logFile().getParent());
    Process format = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile().toFile())).start();
    try {
      if (format.waitFor() != 0) {
        throw new StackException("formatting Kafka's storage failed; see " + outputFile() + " and " + logFile());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while formatting Kafka's storage", e);
    }
  }

  /** Kafka writes its log itself (rolled over by size, {@link #LOG4J2}); only what bypasses it comes here. */
  @Override
  public Path outputFile() {
    return layout.logs().resolve("kafka.out");
  }

  @Override
  protected List<String> command() {
    return List.of(JavaRuntimes.current().java().toString(), "-Xms" + heap, "-Xmx" + heap,
        "-Dlodestone.server=kafka", "-Dlog4j2.configurationFile=" + node().resolve("log4j2.yaml"),
        "-cp", layout.kafkaLibs() + "/*", "kafka.Kafka", node().resolve("server.properties").toString());
  }

  @Override
  public boolean isReady() {
    if (!Ports.isListening(port)) {
      return false;
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get().isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  /** Kafka's log4j configuration; %s is the log file, rolled over as the apps' logs are (cli's log4j2.xml). */
  private static final String LOG4J2 = """
      Configuration:
        Appenders:
          RollingFile:
            name: FILE
            fileName: "%1$s"
            filePattern: "%1$s.%%i"
            PatternLayout: {pattern: "[%%d] %%p %%m (%%c)%%n"}
            SizeBasedTriggeringPolicy: {size: "${env:LODESTONE_LOG_MAX_SIZE:-100 MB}"}
            DefaultRolloverStrategy: {max: 3, fileIndex: min}
        Loggers:
          Root: {level: INFO, AppenderRef: [{ref: FILE}]}
          Logger:
            - {name: kafka.request.logger, level: WARN}
            - {name: org.apache.kafka.controller, level: WARN}
      """;
}
