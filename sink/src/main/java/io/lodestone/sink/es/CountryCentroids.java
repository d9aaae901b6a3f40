package io.lodestone.sink.es;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Approximate centre of each country by ISO 3166-1 alpha-2 code, from the data file
 * {@code elasticsearch/country-centroids.csv}: the points Kibana maps put a report's countries on.
 */
public final class CountryCentroids {
  public static final String RESOURCE = "/elasticsearch/country-centroids.csv";

  /** A point in WGS84 degrees. */
  public record Point(double lat, double lon) {}

  private static final Map<String, Point> BY_CODE = load();

  private CountryCentroids() {}

  /** The centre of the country, or null for a code the file does not know. */
  public static Point of(String isoAlpha2) {
    return isoAlpha2 == null ? null : BY_CODE.get(isoAlpha2.toUpperCase(Locale.ROOT));
  }

  public static int size() {
    return BY_CODE.size();
  }

  private static Map<String, Point> load() {
    Map<String, Point> points = new HashMap<>();
    try (InputStream in = CountryCentroids.class.getResourceAsStream(RESOURCE);
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code,"))
          .forEach(line -> {
            String[] fields = line.split(",", 4);
            points.put(fields[0], new Point(Double.parseDouble(fields[1]), Double.parseDouble(fields[2])));
          });
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the country centroids " + RESOURCE + ": " + e.getMessage(), e);
    }
    return Map.copyOf(points);
  }
}
