package io.lodestone.producers.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.lodestone.producers.fetch.FetchException;
import io.lodestone.producers.fetch.PageFetcher;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.producers.text.ArticleExtractor;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the feeds of the feeds file and publishes their new items to the raw topic.
 *
 * <p>Each poll: a conditional GET (304: nothing to do), parse, skip the items whose ids the feed's state
 * lists, optionally fetch each new item's page for its main text, publish the new reports and wait
 * for Kafka's acknowledgement, then store the feed's new state (validators and seen ids) in the state
 * topic. A failure anywhere leaves the state as it was and schedules a retry with exponential backoff
 * and jitter; a crash between publishing and storing the state re-publishes those items under the
 * same ids on restart (at least once). Feeds are polled by a small pool, so a slow or failing feed
 * never holds up the others. The feeds file is re-read when it changes: feeds added, removed or
 * redefined take effect without a restart.
 */
public final class FeedPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final String FEED_TYPES = "application/rss+xml, application/atom+xml, application/rdf+xml, "
      + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
  private static final String PAGE_TYPES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);
  private static final int MIN_ARTICLE_TEXT = 200;

  /** How the poller is bounded. */
  public record Settings(Path feedsFile, Duration reloadInterval, Duration backoffInitial, Duration backoffMax,
      int seenIdsMax, int threads) {}

  /** What one poll of a feed did. */
  public record PollResult(boolean notModified, int items, int published, int alreadySeen, List<String> rejected) {}

  private final Settings settings;
  private final PageFetcher fetcher;
  private final JsonReportParser parser;
  private final ReportPublisher publisher;
  private final FeedStateStore stateStore;
  private final Map<String, FeedState> states = new ConcurrentHashMap<>();
  private final Map<URI, FeedRun> runs = new ConcurrentHashMap<>();
  private final ExecutorService workers;
  private final AtomicLong publishedTotal = new AtomicLong();
  private volatile String feedsFileError = "";
  private volatile FileTime feedsFileTime;
  private volatile Instant nextReload = Instant.EPOCH;
  private volatile boolean running = true;

  public FeedPoller(Settings settings, PageFetcher fetcher, JsonReportParser parser, ReportPublisher publisher,
      FeedStateStore stateStore) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.parser = parser;
    this.publisher = publisher;
    this.stateStore = stateStore;
    this.workers = Executors.newFixedThreadPool(settings.threads(), runnable -> {
      Thread thread = new Thread(runnable, "feed-poller");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Reads the stored feed states and the feeds file; call before {@link #run()} or {@link #pollOnce}. */
  public void start() {
    states.putAll(stateStore.loadAll());
    reloadIfChanged(Instant.now());
  }

  /** Schedules polls until {@link #stop()}. */
  public void run() {
    LOG.info("polling {} feed(s) from {}", runs.size(), settings.feedsFile());
    while (running) {
      Instant now = Instant.now();
      if (!now.isBefore(nextReload)) {
        reloadIfChanged(now);
      }
      for (FeedRun run : runs.values()) {
        if (run.startIfDue(now)) {
          workers.execute(() -> pollScheduled(run));
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public void stop() {
    running = false;
  }

  /** Polls a listed feed now, whatever its schedule; for tests and manual runs. */
  public PollResult pollOnce(URI feedUrl) throws Exception {
    FeedRun run = runs.get(feedUrl);
    if (run == null) {
      throw new IllegalArgumentException(feedUrl + " is not in " + settings.feedsFile());
    }
    return poll(run.definition());
  }

  private void pollScheduled(FeedRun run) {
    FeedDefinition feed = run.definition();
    try {
      PollResult result = poll(feed);
      run.succeeded(Instant.now(), result.published());
      publishedTotal.addAndGet(result.published());
      if (result.published() > 0 || !result.rejected().isEmpty()) {
        LOG.info("feed {} ({}): {} new report(s) published, {} already seen, {} rejected", feed.source(), feed.url(),
            result.published(), result.alreadySeen(), result.rejected().size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.failed(Instant.now(), "interrupted", settings.backoffInitial(), settings.backoffMax());
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Instant retry = run.failed(Instant.now(), reason, settings.backoffInitial(), settings.backoffMax());
      LOG.warn("feed {} ({}) failed ({} in a row): {}; next try at {}", feed.source(), feed.url(), run.failures(), reason, retry);
    }
  }

  private PollResult poll(FeedDefinition feed) throws Exception {
    String key = feed.url().toString();
    FeedState state = states.getOrDefault(key, FeedState.EMPTY);
    PageFetcher.Page page = fetcher.fetch(feed.url(), state.validators(), FEED_TYPES);
    if (page.notModified()) {
      return new PollResult(true, 0, 0, 0, List.of());
    }
    SyndFeed parsed = FeedParser.parse(page.body(), page.contentType());
    List<SyndEntry> entries = new ArrayList<>(parsed.getEntries());
    Collections.reverse(entries); // feeds list the newest first; publish the oldest first
    Set<String> seen = new HashSet<>(state.seen());
    List<String> currentIds = new ArrayList<>();
    List<NewsReport> fresh = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    int alreadySeen = 0;
    Instant fetchedAt = Instant.now();
    for (SyndEntry entry : entries) {
      ObjectNode fields = FeedItems.fields(feed, parsed, entry);
      JsonReportParser.Parsed item = parser.parse(fields, IngestChannel.FEED, fetchedAt);
      if (!item.ok()) {
        rejected.add(String.join("; ", item.reasons()));
        LOG.warn("feed {}: item \"{}\" rejected: {}", feed.url(), entry.getTitle(), String.join("; ", item.reasons()));
        continue;
      }
      String id = item.report().getId();
      currentIds.add(id);
      if (!seen.add(id)) {
        alreadySeen++;
        continue;
      }
      fresh.add(feed.fetchFullArticle() ? withArticle(feed, fields, item.report(), fetchedAt) : item.report());
    }
    publishAll(fresh);
    FeedState next = state.next(page.validators(), currentIds, settings.seenIdsMax());
    stateStore.save(key, next);
    states.put(key, next);
    return new PollResult(false, entries.size(), fresh.size(), alreadySeen, rejected);
  }

  /** The report with the page's main text as its body; the feed's version when the page cannot be used. */
  private NewsReport withArticle(FeedDefinition feed, ObjectNode fields, NewsReport fromFeed, Instant fetchedAt)
      throws InterruptedException {
    if (fromFeed.getUrl() == null) {
      return fromFeed;
    }
    try {
      PageFetcher.Page page = fetcher.fetch(URI.create(fromFeed.getUrl()), PageFetcher.Validators.NONE, PAGE_TYPES);
      ArticleExtractor.Article article = ArticleExtractor.extract(
          Jsoup.parse(new ByteArrayInputStream(page.body()), charset(page.contentType()), page.uri().toString()));
      if (article.text().length() < MIN_ARTICLE_TEXT) {
        LOG.info("feed {}: page {} has no article text; using the feed's description", feed.source(), fromFeed.getUrl());
        return fromFeed;
      }
      FeedItems.useArticle(fields, article);
      JsonReportParser.Parsed full = parser.parse(fields, IngestChannel.FEED, fetchedAt);
      return full.ok() ? full.report() : fromFeed;
    } catch (FetchException | IOException | IllegalArgumentException e) {
      LOG.info("feed {}: cannot fetch article {} ({}); using the feed's description", feed.source(), fromFeed.getUrl(), e.getMessage());
      return fromFeed;
    }
  }

  /** The charset a Content-Type names, or null to let jsoup read it from the page (BOM, meta charset). */
  private static String charset(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.strip();
        if (p.regionMatches(true, 0, "charset=", 0, 8) && Charset.isSupported(p.substring(8).replace("\"", "").strip())) {
          return p.substring(8).replace("\"", "").strip();
        }
      }
    }
    return null;
  }

  private void publishAll(List<NewsReport> reports) throws InterruptedException, FetchException {
    if (reports.isEmpty()) {
      return;
    }
    CompletableFuture<?>[] acks = reports.stream().map(publisher::publish).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(acks).get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new FetchException("Kafka did not acknowledge the new reports: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new FetchException("Kafka did not acknowledge the new reports within " + PUBLISH_TIMEOUT.toSeconds() + " s");
    }
  }

  private void reloadIfChanged(Instant now) {
    nextReload = now.plus(settings.reloadInterval());
    Path file = settings.feedsFile();
    FileTime time;
    try {
      time = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      feedsFileTime = null; // read it again once it is back, even with its old modification time
      refuse("cannot read the feeds file " + file);
      return;
    }
    if (time.equals(feedsFileTime)) {
      return;
    }
    try {
      List<FeedDefinition> feeds = FeedsFile.load(file);
      feedsFileTime = time;
      feedsFileError = "";
      reconcile(feeds, now);
    } catch (FeedsFile.InvalidFeedsFileException e) {
      feedsFileTime = time;
      refuse(e.getMessage());
    }
  }

  /** Keeps the feeds of the last good version (none before the first) and says so once per problem. */
  private void refuse(String problem) {
    if (!problem.equals(feedsFileError)) {
      LOG.warn("{}; {} until the file is fixed", problem,
          runs.isEmpty() ? "polling no feeds" : "still polling the " + runs.size() + " feed(s) of its previous version");
    }
    feedsFileError = problem;
  }

  private void reconcile(List<FeedDefinition> feeds, Instant now) {
    Set<URI> listed = new HashSet<>();
    for (FeedDefinition feed : feeds) {
      listed.add(feed.url());
      runs.compute(feed.url(), (url, run) -> {
        if (run == null) {
          return new FeedRun(feed, now);
        }
        run.redefine(feed);
        return run;
      });
    }
    runs.keySet().removeIf(url -> !listed.contains(url));
    LOG.info("feeds file {}: {} feed(s)", settings.feedsFile(), runs.size());
  }

  /** Details for ./lodestone status: totals, and per feed its next poll, or its last error and next retry. */
  public Map<String, String> statusDetails() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("feeds", Integer.toString(runs.size()));
    details.put("published", Long.toString(publishedTotal.get()));
    details.put("failing", Long.toString(runs.values().stream().filter(r -> r.failures() > 0).count()));
    if (!feedsFileError.isEmpty()) {
      details.put("feeds_file_error", feedsFileError);
    }
    Map<String, FeedRun> byName = new TreeMap<>();
    for (FeedRun run : runs.values()) {
      String name = run.definition().source().replaceAll("\\s+", "_");
      String unique = name;
      for (int n = 2; byName.containsKey(unique); n++) {
        unique = name + "#" + n;
      }
      byName.put(unique, run);
    }
    byName.forEach((name, run) -> {
      if (run.failures() > 0) {
        details.put(name + ".last_error", run.lastError());
        details.put(name + ".next_retry", run.nextPoll().toString());
      } else {
        details.put(name + ".next_poll", run.nextPoll().toString());
      }
    });
    return details;
  }

  /** Reports published by scheduled polls since start. */
  public long publishedCount() {
    return publishedTotal.get();
  }

  /** The feed's last error, empty when its last poll succeeded (or it was not polled yet). */
  public String lastError(URI feedUrl) {
    FeedRun run = runs.get(feedUrl);
    return run == null ? "" : run.lastError();
  }

  /** Whether the feed has been polled successfully at least once since start. */
  public boolean hasSucceeded(URI feedUrl) {
    FeedRun run = runs.get(feedUrl);
    return run != null && run.lastSuccess() != null;
  }

  @Override
  public void close() {
    running = false;
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }
}
