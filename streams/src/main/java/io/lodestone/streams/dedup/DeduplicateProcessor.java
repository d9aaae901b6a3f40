package io.lodestone.streams.dedup;

import io.lodestone.core.time.IndexDate;
import io.lodestone.schemas.Dedup;
import io.lodestone.schemas.DedupMethod;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.process.NormalizedReport;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides for each report whether it is the first-seen report of a story or a later copy: exact when
 * the report id or the content fingerprint was seen, near when a MinHash candidate from the LSH bands
 * has an estimated Jaccard similarity at or above the threshold (the estimate capped by the most that the
 * two shingle sets' sizes allow, {@link MinHasher#similarityBound}). A copy goes out as a
 * {@link DuplicateNotice} keyed by the canonical id, carrying the story's updated count and sources; a
 * canonical report goes on to enrichment. A report without a single word is never judged a copy.
 *
 * <p>A report id seen before is a re-delivery (a replay, a producer retry, the same URL imported
 * again): with unchanged content it is dropped, logged and counted, never reported as a duplicate of
 * itself; a canonical report whose content changed is re-emitted as an update of its story, keeping the
 * story's count and sources.
 */
public final class DeduplicateProcessor implements Processor<String, NormalizedReport, String, DedupOutcome> {
  private static final Logger LOG = LoggerFactory.getLogger(DeduplicateProcessor.class);
  /** Scope of the deduplicator's sensors (one per outcome, with a rate and a total). */
  private static final String METRIC_SCOPE = "lodestone-dedup";
  /** Kafka Streams' group of those metrics: "stream-" + scope + "-metrics". */
  public static final String METRIC_GROUP = "stream-" + METRIC_SCOPE + "-metrics";

  private final DedupSettings settings;
  private final MinHasher hasher;
  private DedupIndex index;
  private ProcessorContext<String, DedupOutcome> context;
  private WindowStore<String, RememberedReport> reports;
  private WindowStore<String, StoryState> stories;
  private Sensor canonicals;
  private Sensor duplicates;
  private Sensor redeliveries;
  private Sensor forgottenEarly;
  private boolean warnedForgetting;
  /** Reports forgotten early since the last warning about it. */
  private long forgottenSinceWarning;

  public DeduplicateProcessor(DedupSettings settings) {
    this.settings = settings;
    this.hasher = settings.minHasher();
  }

  private record Match(String reportId, String storyId, double similarity, DedupMethod method) {}

  @Override
  public void init(ProcessorContext<String, DedupOutcome> context) {
    this.context = context;
    this.reports = context.getStateStore(DedupStores.REPORTS);
    this.stories = context.getStateStore(DedupStores.STORIES);
    this.canonicals = sensor("canonical");
    this.duplicates = sensor("duplicate");
    this.redeliveries = sensor("redelivery");
    this.forgottenEarly = sensor("forgotten-early");
    rebuildIndex();
  }

  private Sensor sensor(String outcome) {
    return context.metrics().addRateTotalSensor(METRIC_SCOPE, "deduplicate", outcome, Sensor.RecordingLevel.INFO);
  }

  /**
   * The index is derived from the stores, which are restored from their changelogs before init. Built
   * anew: Kafka Streams calls init again on the same processor when it revives a task (closed dirty, e.g.
   * after an aborted transaction, and restored), and the index must not keep what was rolled back. The
   * stores keep every report of the retention window on disk; the index takes the newest it can hold.
   */
  private void rebuildIndex() {
    long started = System.nanoTime();
    index = new DedupIndex(settings.bands(), settings.maxReports());
    warnedForgetting = false;
    forgottenSinceWarning = 0;
    Newest reports = addNewest(this.reports, (id, time, report) -> new DedupIndex.Report(time, id,
        report.fingerprint(), hasher.bandKeys(report.signature())), DedupIndex.Report::timestamp, index::addReport);
    addNewest(stories, (id, time, story) -> new DedupIndex.Story(time, id), DedupIndex.Story::timestamp, index::addStory);
    if (reports.stored() > 0) {
      LOG.info("dedup index rebuilt from {} remembered reports in task {} in {} ms{}", reports.added(), context.taskId(),
          (System.nanoTime() - started) / 1_000_000, reports.added() < reports.stored()
              ? " (the newest of " + reports.stored() + " in the stores: " + StreamsAppConfig.DEDUP_MAX_REPORTS + " is "
                  + settings.maxReports() + ")" : "");
    }
  }

  /** Turns a store entry into what the index keeps of it. */
  @FunctionalInterface
  private interface IndexEntry<V, E> {
    E of(String key, long time, V value);
  }

  /** Entries a store held, and how many of them went into the index. */
  private record Newest(long stored, int added) {}

  /**
   * Adds the newest {@code dedup.max.reports} entries of a store to the index, oldest first. The store iterates
   * segment by segment, each in key order, so the entries wait in a heap ordered by time, and one older than all
   * that wait in a full heap is skipped unconverted. Each entry is converted as it is read, so the store's values
   * (a signature of ~1 KB each) are never all in memory at once: with hundreds of thousands of remembered reports
   * they would not fit.
   */
  private <V, E> Newest addNewest(WindowStore<String, V> store, IndexEntry<V, E> entry, ToLongFunction<E> time,
      Consumer<E> add) {
    int max = settings.maxReports();
    PriorityQueue<E> newest = new PriorityQueue<>(Comparator.comparingLong(time));
    long stored = 0;
    try (KeyValueIterator<Windowed<String>, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, V> kv = all.next();
        stored++;
        long at = kv.key.window().start();
        if (newest.size() == max && at <= time.applyAsLong(newest.peek())) {
          continue;
        }
        newest.add(entry.of(kv.key.key(), at, kv.value));
        if (newest.size() > max) {
          newest.poll();
        }
      }
    }
    int added = newest.size();
    while (!newest.isEmpty()) {
      add.accept(newest.poll());
    }
    return new Newest(stored, added);
  }

  @Override
  public void process(Record<String, NormalizedReport> record) {
    NormalizedReport normalized = record.value();
    NewsReport report = normalized.report();
    String id = report.getId();
    long cutoff = Math.max(0, context.currentStreamTimeMs() - settings.retention().toMillis());
    index.expireBefore(cutoff);

    DedupContent content = DedupContent.of(normalized.text(), settings.shingleSize(), hasher);

    RememberedReport known = remembered(id);
    if (known != null) {
      redelivered(record, known, content);
      return;
    }
    Match match = content.hasWords() ? match(content) : null;
    KeyValue<Long, StoryState> story = match == null ? null : story(match.storyId());
    if (story != null) {
      duplicate(record, match, story, content);
    } else {
      canonical(record, content, newStory(report));
    }
  }

  private Match match(DedupContent content) {
    String sameContent = index.byFingerprint(content.fingerprint());
    RememberedReport owner = sameContent == null ? null : remembered(sameContent);
    if (owner != null) {
      return new Match(sameContent, owner.storyId(), 1.0, DedupMethod.FINGERPRINT);
    }
    Match best = null;
    for (String candidate : index.candidates(content.bandKeys())) {
      RememberedReport remembered = remembered(candidate);
      if (remembered == null) {
        continue;
      }
      double similarity = Math.min(MinHasher.similarity(content.signature(), remembered.signature()),
          MinHasher.similarityBound(content.shingles(), remembered.shingles()));
      if (similarity >= settings.threshold() && (best == null || similarity > best.similarity())) {
        best = new Match(candidate, remembered.storyId(), similarity, DedupMethod.MINHASH);
      }
    }
    return best;
  }

  private void canonical(Record<String, NormalizedReport> record, DedupContent content, StoryState story) {
    String id = record.value().report().getId();
    putStory(id, null, story, record.timestamp());
    remember(id, id, content, record.timestamp());
    canonicals.record();
    context.forward(record.withKey(id).withValue(new DedupOutcome.Canonical(record.value(), dedup(id, content, story))));
  }

  private void duplicate(Record<String, NormalizedReport> record, Match match, KeyValue<Long, StoryState> story,
      DedupContent content) {
    NewsReport report = record.value().report();
    StoryState updated = story.value.withCopyFrom(sourceName(report));
    putStory(match.storyId(), story.key, updated, record.timestamp());
    remember(report.getId(), match.storyId(), content, record.timestamp());
    duplicates.record();
    LOG.debug("report {} is a {} duplicate of story {} via {} (similarity {}); the story has {} copies",
        report.getId(), match.method(), match.storyId(), match.reportId(), match.similarity(), updated.duplicateCount());
    DuplicateNotice notice = DuplicateNotice.newBuilder()
        .setReportId(report.getId()).setDuplicateOf(match.storyId()).setSimilarity(match.similarity())
        .setMethod(match.method()).setUrl(report.getUrl()).setTitle(report.getTitle()).setSource(report.getSource())
        .setPublishedAt(report.getPublishedAt()).setCanonicalPublishedAt(Instant.ofEpochMilli(updated.canonicalIndexDate()))
        .setCanonicalDuplicateCount(updated.duplicateCount()).setCanonicalSourcesSeen(updated.sourcesSeen())
        .setDetectedAt(Instant.now()).build();
    context.forward(record.withKey(match.storyId()).withValue(new DedupOutcome.Duplicate(notice)));
  }

  private void redelivered(Record<String, NormalizedReport> record, RememberedReport known, DedupContent content) {
    String id = record.value().report().getId();
    KeyValue<Long, StoryState> story = known.isCanonical(id) ? story(id) : null;
    if (known.fingerprint().equals(content.fingerprint()) || story == null) {
      redeliveries.record();
      LOG.info("report {} delivered again ({} content); dropped: it was already processed as {}", id,
          known.fingerprint().equals(content.fingerprint()) ? "same" : "changed",
          known.isCanonical(id) ? "the canonical report of its story" : "a duplicate of " + known.storyId());
      return;
    }
    LOG.info("report {} delivered again with changed content; re-emitted as an update of its story ({} copies)",
        id, story.value.duplicateCount());
    putStory(id, story.key, story.value, record.timestamp());
    remember(id, id, content, record.timestamp());
    context.forward(record.withKey(id).withValue(new DedupOutcome.Canonical(record.value(), dedup(id, content, story.value))));
  }

  private void remember(String id, String storyId, DedupContent content, long timestamp) {
    reports.put(id, new RememberedReport(storyId, content.fingerprint(), content.signature(), content.shingles()), timestamp);
    int forgotten = index.addReport(timestamp, id, content.hasWords() ? content.fingerprint() : null,
        content.bandKeys());
    for (int i = 0; i < forgotten; i++) {
      forgottenEarly.record();
    }
    forgottenSinceWarning += forgotten;
    if (forgotten > 0 && (!warnedForgetting || forgottenSinceWarning >= settings.maxReports())) {
      // once when it starts, then each time as many reports as the index holds have left early
      warnedForgetting = true;
      forgottenSinceWarning = 0;
      LOG.warn("dedup index full ({} reports, {}): the oldest are forgotten before {} ends, so it now reaches back "
              + "only to {}; give the app more heap and raise {} to remember the whole window", settings.maxReports(),
          StreamsAppConfig.DEDUP_MAX_REPORTS, StreamsAppConfig.DEDUP_RETENTION_MS,
          Instant.ofEpochMilli(index.oldestReportTime()), StreamsAppConfig.DEDUP_MAX_REPORTS);
    }
  }

  /** Moves the story to the latest record time, so that it is remembered as long as its latest copy. */
  private void putStory(String storyId, Long previousTime, StoryState story, long timestamp) {
    long time = previousTime == null ? timestamp : Math.max(previousTime, timestamp);
    if (previousTime != null && previousTime != time) {
      stories.put(storyId, null, previousTime);
    }
    stories.put(storyId, story, time);
    index.addStory(time, storyId);
  }

  private static StoryState newStory(NewsReport report) {
    String source = sourceName(report);
    long indexDate = IndexDate.of(report.getPublishedAt(), report.getFetchedAt()).toEpochMilli();
    return new StoryState(indexDate, 0, source == null ? List.of() : List.of(source));
  }

  private static Dedup dedup(String id, DedupContent content, StoryState story) {
    return Dedup.newBuilder().setFingerprint(content.fingerprint()).setStoryId(id)
        .setDuplicateCount(story.duplicateCount()).setSourcesSeen(story.sourcesSeen()).build();
  }

  /** The outlet's name, else its domain; null when the report names neither. */
  static String sourceName(NewsReport report) {
    String name = report.getSource().getName();
    if (name != null && !name.isBlank()) {
      return name.strip();
    }
    return report.getSource().getDomain();
  }

  /** The remembered report, read at the time the index knows it was written; null when forgotten. */
  private RememberedReport remembered(String reportId) {
    Long time = index.reportTime(reportId);
    return time == null ? null : reports.fetch(reportId, time);
  }

  /** The story with the time it was last written; null when forgotten. */
  private KeyValue<Long, StoryState> story(String storyId) {
    Long time = index.storyTime(storyId);
    StoryState story = time == null ? null : stories.fetch(storyId, time);
    return story == null ? null : KeyValue.pair(time, story);
  }
}
