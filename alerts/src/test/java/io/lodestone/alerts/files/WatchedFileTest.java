package io.lodestone.alerts.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFileTest {
  @TempDir
  Path dir;

  private static String parse(Path file) {
    try {
      String text = Files.readString(file).strip();
      if (text.startsWith("bad")) {
        throw new DataFileException(file + ": bad content");
      }
      return text;
    } catch (IOException e) {
      throw new DataFileException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String text, long modifiedSecond) throws IOException {
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(modifiedSecond)));
  }

  @Test
  void rereadsAChangedFileAfterTheIntervalAndKeepsTheLastGoodVersionWhenTheNewOneIsInvalid() throws IOException {
    Path file = dir.resolve("data.txt");
    write(file, "one", 1_000);
    AtomicLong now = new AtomicLong(0);
    WatchedFile<String> watched = new WatchedFile<>(file, WatchedFileTest::parse, 100, now::get);

    write(file, "two", 2_000);
    assertThat(watched.current()).as("before the interval").isEqualTo("one");
    now.set(100);
    assertThat(watched.current()).isEqualTo("two");

    write(file, "bad three", 3_000);
    now.set(200);
    assertThat(watched.current()).isEqualTo("two");

    write(file, "four", 4_000);
    now.set(300);
    assertThat(watched.current()).isEqualTo("four");
  }

  @Test
  void anIntervalOfZeroReadsOnce() throws IOException {
    Path file = dir.resolve("data.txt");
    write(file, "one", 1_000);
    AtomicLong now = new AtomicLong(0);
    WatchedFile<String> watched = new WatchedFile<>(file, WatchedFileTest::parse, 0, now::get);

    write(file, "two", 2_000);
    now.set(1_000_000);
    assertThat(watched.current()).isEqualTo("one");
  }
}
