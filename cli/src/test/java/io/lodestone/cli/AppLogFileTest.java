package io.lodestone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The lodestone jar's log configuration (log4j2.xml) as apps started by {@code ./lodestone up} use it: given
 * {@code -Dlodestone.log.file}, they write that file and roll it over by size, keeping three older files.
 */
class AppLogFileTest {
  private static final int LINES = 4_000;

  /** Logs {@value #LINES} numbered lines of about 150 bytes through slf4j, as an app does. */
  public static void main(String[] args) {
    var log = LoggerFactory.getLogger("io.lodestone.cli.AppLogFileTest");
    for (int i = 0; i < LINES; i++) {
      log.info("line {} {}", i, "x".repeat(80));
    }
  }

  @Test
  void anAppStartedInTheBackgroundWritesItsLogFileAndRollsItOverBySize(@TempDir Path dir) throws Exception {
    Path logFile = dir.resolve("app.log");
    ProcessBuilder app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        // the jar's configuration, not the test kit's log4j2-test.xml, which the class path also holds
        "-Dlog4j2.configurationFile=" + Path.of("src/main/resources/log4j2.xml").toAbsolutePath(),
        "-Dlodestone.log.file=" + logFile, AppLogFileTest.class.getName())
        .redirectErrorStream(true).redirectOutput(dir.resolve("app.out").toFile());
    app.environment().put("LODESTONE_LOG_MAX_SIZE", "100 KB");
    assertThat(app.start().waitFor()).isZero();

    assertThat(files(dir)).containsExactlyInAnyOrder("app.log", "app.log.1", "app.log.2", "app.log.3", "app.out");
    assertThat(Files.size(dir.resolve("app.out"))).as("nothing logged to the console").isZero();
    for (String name : List.of("app.log", "app.log.1", "app.log.2", "app.log.3")) {
      assertThat(Files.size(dir.resolve(name))).as(name).isGreaterThan(0).isLessThanOrEqualTo(100 * 1024 + 200);
    }
    assertThat(Files.readString(logFile)).as("the newest lines stay in the log file")
        .contains("INFO  [main] AppLogFileTest - line " + (LINES - 1) + " ");
    assertThat(Files.readString(dir.resolve("app.log.1"))).doesNotContain("line 0 ");
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }
}
