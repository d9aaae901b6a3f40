package io.lodestone.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled sample reports and the shared fixtures outside the repository. */
final class Samples {
  private Samples() {}

  static Path repository() {
    return Path.of(System.getProperty("lodestone.repo", ".."));
  }

  /** deploy/samples/supply-chain-news.jsonl: 36 lines, 35 distinct report ids (line 22 repeats line 8's URL). */
  static Path supplyChainNews() {
    Path file = repository().resolve("deploy/samples/supply-chain-news.jsonl");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("sample file missing: " + file);
    }
    return file;
  }
}
