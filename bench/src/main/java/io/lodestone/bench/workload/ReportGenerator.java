package io.lodestone.bench.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates realistic report workloads as JSON objects (the JSONL/HTTP format): body sizes lognormal
 * around a median (3 KB by default), a share of off-topic news, and shares of exact duplicates (same
 * text, another URL: syndication) and near duplicates (a few words changed). Deterministic for a seed and run id.
 * Each sentence is drawn from templates with random slot values and a random run of filler words, so
 * that unrelated reports share few word shingles, as real news does.
 */
public final class ReportGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Words replaced in a near duplicate: 1% keeps Jaccard similarity on word 5-shingles near 0.9. */
  private static final double REWRITE_SHARE = 0.01;

  /** Workload shape; shares are fractions of all generated reports. */
  public record Settings(long seed, int medianBytes, double sigma, double offTopicShare, double exactDuplicateShare,
      double nearDuplicateShare, String runId) {
    public static Settings defaults(String runId) {
      return new Settings(42, 3000, 0.5, 0.3, 0.0, 0.0, runId);
    }
  }

  /** What a generated report is, for checking dedup against the truth. */
  public enum Kind { ORIGINAL, EXACT_DUPLICATE, NEAR_DUPLICATE }

  /** A generated report: its JSON, its kind, and for copies the index of the original. */
  public record Generated(ObjectNode json, Kind kind, int originalIndex) {}

  private static final String[] FILLER = ("analysts industry officials market production capacity output investment "
      + "project plant supply demand prices contract shipment region government policy agreement company executives "
      + "quarter year forecast growth expansion operations facility partners customers buyers sellers exporters importers "
      + "regulators permits environmental community workers union logistics port rail trucks warehouse inventory stocks "
      + "contracts negotiations tender auction bids imports exports tariffs quota licence royalty tax incentive grant loan "
      + "bond equity stake venture board approval timeline delay schedule construction commissioning ramp-up maintenance")
      .split(" ");

  private final Settings settings;
  private final Templates templates = new Templates();
  private final SplittableRandom random;
  private final List<ObjectNode> originals = new ArrayList<>();
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private int count;

  public ReportGenerator(Settings settings) {
    this.settings = settings;
    // The run id takes part in the seed: workloads of two runs on one stack never share text, which
    // dedup would rightly treat as copies of the earlier run's reports.
    this.random = new SplittableRandom(settings.seed() * 31 + settings.runId().hashCode());
  }

  public Generated next() {
    int index = count++;
    double draw = random.nextDouble();
    if (!originals.isEmpty() && draw < settings.exactDuplicateShare()) {
      int of = random.nextInt(originals.size());
      return new Generated(copy(originals.get(of), index, false), Kind.EXACT_DUPLICATE, of);
    }
    if (!originals.isEmpty() && draw < settings.exactDuplicateShare() + settings.nearDuplicateShare()) {
      int of = random.nextInt(originals.size());
      return new Generated(copy(originals.get(of), index, true), Kind.NEAR_DUPLICATE, of);
    }
    ObjectNode report = original(index, random.nextDouble() < settings.offTopicShare());
    originals.add(report);
    return new Generated(report, Kind.ORIGINAL, originals.size() - 1);
  }

  private ObjectNode original(int index, boolean offTopic) {
    List<String> pool = offTopic ? templates.offTopic : templates.onTopic;
    int target = targetBytes();
    StringBuilder body = new StringBuilder();
    int sentences = 0;
    while (body.length() < target) {
      body.append(templates.fill(Templates.pick(pool, random), random)).append(' ').append(filler()).append(". ");
      if (++sentences % 5 == 0) {
        body.append("\n\n");
      }
    }
    String title = templates.fill(Templates.pick(pool, random), random);
    ObjectNode report = JSON.createObjectNode();
    report.put("url", url(index));
    report.put("title", title.length() > 120 ? title.substring(0, 120) : title);
    report.put("body", body.toString().strip());
    report.put("source", "Bench Wire " + (1 + random.nextInt(20)));
    report.put("published_at", start.plus(index, ChronoUnit.MINUTES).toString());
    report.put("language", "en");
    return report;
  }

  /** A syndicated copy (same text) or a light rewrite (1% of words replaced) under a new URL. */
  private ObjectNode copy(ObjectNode original, int index, boolean rewrite) {
    ObjectNode copy = original.deepCopy();
    copy.put("url", url(index));
    copy.put("source", "Bench Syndicate " + (1 + random.nextInt(20)));
    if (rewrite) {
      String[] words = original.get("body").asText().split(" ");
      for (int i = 0; i < words.length; i++) {
        if (random.nextDouble() < REWRITE_SHARE) {
          words[i] = Templates.pick(List.of(FILLER), random);
        }
      }
      copy.put("body", String.join(" ", words));
    }
    return copy;
  }

  private String filler() {
    int length = 4 + random.nextInt(6);
    StringBuilder words = new StringBuilder("with");
    for (int i = 0; i < length; i++) {
      words.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
    }
    return words.toString();
  }

  private int targetBytes() {
    double bytes = settings.medianBytes() * Math.exp(settings.sigma() * gaussian());
    return (int) Math.max(400, Math.min(bytes, settings.medianBytes() * 8.0));
  }

  private double gaussian() {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private String url(int index) {
    return Workload.urlPrefix(settings.runId()) + index;
  }
}
