package io.lodestone.producers.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files an import reads: given files as they are, directories walked recursively in name order,
 * keeping files of a known format ({@link ReportFileFormat}) and leaving out hidden ones (names starting
 * with a dot, such as editors' swap files).
 */
public final class InputFiles {
  private InputFiles() {}

  /** The readable files, and the files of directories left out because their format is unknown. */
  public record Inputs(List<Path> files, List<Path> skipped) {}

  /** Throws {@link IllegalArgumentException} with a one-sentence reason for a path that cannot be imported. */
  public static Inputs expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        for (Path file : walk(path)) {
          (ReportFileFormat.of(file).isPresent() ? files : skipped).add(file);
        }
      } else if (Files.isRegularFile(path)) {
        if (ReportFileFormat.of(path).isEmpty()) {
          throw new IllegalArgumentException(path + " is not a file type Lodestone reads (.jsonl, .ndjson, .txt, .md, .html)");
        }
        files.add(path);
      } else {
        throw new IllegalArgumentException("no such file or directory: " + path);
      }
    }
    return new Inputs(files, skipped);
  }

  private static List<Path> walk(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(Files::isRegularFile).filter(p -> noHiddenPart(directory.relativize(p))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  private static boolean noHiddenPart(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return true;
  }
}
