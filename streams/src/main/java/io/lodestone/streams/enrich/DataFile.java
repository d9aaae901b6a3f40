package io.lodestone.streams.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the enrich data files on the class path: UTF-8, one record a line, tab-separated columns,
 * blank lines and lines starting with '#' ignored.
 */
final class DataFile {
  private static final String FOLDER = "/io/lodestone/streams/enrich/";

  private DataFile() {}

  /** The rows of a data file, each with at least {@code columns} columns (a malformed line is an error). */
  static List<Row> rows(String name, int columns) {
    try (InputStream in = DataFile.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("Data file " + name + " is missing from the class path.");
      }
      List<Row> rows = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] values = line.split("\t", -1);
        if (values.length < columns) {
          throw new IllegalStateException(name + " line " + number + " has " + values.length + " columns, expected " + columns + ".");
        }
        rows.add(new Row(name, number, values));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read data file " + name, e);
    }
  }

  /** One line of a data file, with its position for error messages. */
  record Row(String file, int line, String[] values) {
    String get(int column) {
      return values[column].strip();
    }

    IllegalStateException error(String problem) {
      return new IllegalStateException(file + " line " + line + ": " + problem);
    }
  }
}
