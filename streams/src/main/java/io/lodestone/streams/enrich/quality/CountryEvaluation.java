package io.lodestone.streams.enrich.quality;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.streams.enrich.EntityExtractor;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the countries Lodestone finds against the PLACES labels of the Reuters-21578 corpus.
 *
 * <p>Definition: micro-averaged precision and recall over (story, country) pairs of every story read. Each
 * predicted ISO code is mapped to the PLACES category it names ({@code reuters-places.tsv}: west-germany is DE,
 * ussr is SU or RU, ...); a story's predicted categories are compared with its PLACES labels as sets. A predicted
 * code with no PLACES category (e.g. GE, which did not exist in 1987) is counted as unscorable, not as an error.
 * Stories without labels count too: every country predicted for them is a false positive.
 *
 * <p>Run: {@code java -cp ... io.lodestone.streams.enrich.quality.CountryEvaluation [corpus file or folder]}.
 */
public final class CountryEvaluation {
  private final Map<String, String> categoryOfCode = new HashMap<>();

  public CountryEvaluation() {
    try (InputStream in = CountryEvaluation.class.getResourceAsStream("/io/lodestone/streams/enrich/quality/reuters-places.tsv")) {
      if (in == null) {
        throw new IllegalStateException("reuters-places.tsv is missing from the class path.");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        for (String code : columns[1].split("\\|")) {
          categoryOfCode.putIfAbsent(code.strip(), columns[0].strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reuters-places.tsv", e);
    }
  }

  /** Counts of one evaluation; add stories with {@link #add}. */
  public final class Tally {
    private int stories;
    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int unscorable;

    /** Adds one story: its PLACES labels and the ISO codes predicted for it. */
    public void add(Collection<String> places, Collection<String> predictedCodes) {
      stories++;
      Set<String> predicted = new HashSet<>();
      for (String code : predictedCodes) {
        String category = categoryOfCode.get(code);
        if (category == null) {
          unscorable++;
        } else {
          predicted.add(category);
        }
      }
      Set<String> gold = new HashSet<>(places);
      for (String category : predicted) {
        if (gold.contains(category)) {
          truePositives++;
        } else {
          falsePositives++;
        }
      }
      for (String category : gold) {
        if (!predicted.contains(category)) {
          falseNegatives++;
        }
      }
    }

    public int stories() {
      return stories;
    }

    public double precision() {
      return truePositives / (double) Math.max(1, truePositives + falsePositives);
    }

    public double recall() {
      return truePositives / (double) Math.max(1, truePositives + falseNegatives);
    }

    @Override
    public String toString() {
      return String.format("countries: precision %.3f, recall %.3f over %d stories (true positives %d, false positives %d, "
          + "false negatives %d, unscorable codes %d)", precision(), recall(), stories, truePositives, falsePositives, falseNegatives, unscorable);
    }
  }

  public Tally tally() {
    return new Tally();
  }

  /** Runs the extractor on every story and scores the countries it reports. */
  public Tally evaluate(List<ReutersStory> stories, EntityExtractor extractor) {
    Tally tally = tally();
    for (ReutersStory story : stories) {
      tally.add(story.places(), codes(extractor, story));
    }
    return tally;
  }

  /** The text Lodestone processes for a story: the title, and the dateline and body as the body. */
  public static NormalizedText text(ReutersStory story) {
    return NormalizedText.newBuilder().setTitle(collapse(story.title()))
        .setBody(collapse(story.dateline() + " " + story.body())).build();
  }

  private static List<String> codes(EntityExtractor extractor, ReutersStory story) {
    return extractor.extract(text(story)).getCountries().stream().map(CountryMention::getCode).toList();
  }

  private static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  public static void main(String[] args) throws IOException {
    Path corpus = args.length > 0 ? Path.of(args[0])
        : Path.of(System.getProperty("lodestone.repo", "."), "..", "shared", "corpus", "reuters21578-dev");
    List<ReutersStory> stories = ReutersSgmlReader.read(corpus);
    EntityExtractor extractor = new EntityExtractor();
    System.out.println(new CountryEvaluation().evaluate(stories, extractor));
    System.out.println(throughput(stories, extractor));
  }

  /** Extraction speed on the corpus, in thread CPU time (texts prepared beforehand, after a warm-up pass). */
  private static String throughput(List<ReutersStory> stories, EntityExtractor extractor) {
    List<NormalizedText> texts = stories.stream().map(CountryEvaluation::text).toList();
    long chars = texts.stream().mapToLong(t -> t.getTitle().length() + t.getBody().length()).sum();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long start = threads.getCurrentThreadCpuTime();
      texts.forEach(extractor::extract);
      best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
    }
    double seconds = best / 1e9;
    return String.format("extract: %.0f stories/s, %.1f microseconds per story of %d characters on average, %.1f microseconds per 3 KB",
        texts.size() / seconds, seconds * 1e6 / texts.size(), chars / texts.size(), seconds * 1e6 * 3072 / chars);
  }
}
