package io.lodestone.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.RawTopic;
import io.lodestone.producers.feed.FeedServer.Answer;
import io.lodestone.producers.fetch.FetchException;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The feed poller against a local feed server, a real broker and a real registry; asserts exactly what reaches the raw topic. */
@ExtendWith(TestStackExtension.class)
class FeedPollerIT {
  private static final String RSS = "application/rss+xml";

  @TempDir
  Path dir;

  private TestStack stack;
  private FeedServer server;
  private String rawTopic;
  private String stateTopic;
  private Path feedsFile;

  @BeforeEach
  void setUp(TestStack stack) throws Exception {
    this.stack = stack;
    this.server = new FeedServer();
    this.rawTopic = RawTopic.unique("raw-feeds");
    this.stateTopic = RawTopic.unique("feeds-state");
    this.feedsFile = dir.resolve("feeds.yaml");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private IngestConfig config(Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>(Map.of(
        CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers(), CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        CommonOptions.TOPIC_RAW, rawTopic, IngestConfig.FEEDS_STATE_TOPIC, stateTopic, IngestConfig.FEEDS_FILE, feedsFile.toString(),
        IngestConfig.FEEDS_ALLOW_PRIVATE_ADDRESSES, true, IngestConfig.FEEDS_HOST_MIN_INTERVAL_MS, 0L,
        IngestConfig.FEEDS_REQUEST_TIMEOUT_MS, 1500, IngestConfig.FEEDS_MAX_RESPONSE_BYTES, 2_000_000,
        IngestConfig.FEEDS_RELOAD_INTERVAL_MS, 100L));
    values.put(IngestConfig.FEEDS_BACKOFF_INITIAL_MS, 60_000L);
    values.putAll(extra);
    return new IngestConfig(values);
  }

  private void listFeeds(String... paths) throws Exception {
    StringBuilder yaml = new StringBuilder("defaults:\n  poll_interval: 1h\nfeeds:\n");
    for (String path : paths) {
      yaml.append("  - url: ").append(server.url(path)).append("\n    source: ").append(path.substring(1)).append('\n');
    }
    Files.writeString(feedsFile, yaml);
  }

  private FeedsApp started(Map<String, Object> extra) {
    FeedsApp app = new FeedsApp(config(extra));
    app.poller().start();
    return app;
  }

  private List<NewsReport> raw() {
    return RawTopic.read(stack.bootstrapServers(), stack.registryUrl(), rawTopic);
  }

  private static byte[] fixture(String name) throws Exception {
    return FeedParserTest.fixture(name);
  }

  @Test
  void publishesEveryReadableFormatOnceAndNothingFromBadFeeds() throws Exception {
    server.serve("/rss2", Answer.ok(fixture("rss2.xml"), RSS).withEtag("\"v1\""));
    server.serve("/atom", Answer.ok(fixture("atom.xml"), "application/atom+xml"));
    server.serve("/rdf", Answer.ok(fixture("rdf.xml"), "application/rdf+xml"));
    server.serve("/latin1", Answer.ok(fixture("latin1.xml"), "text/xml"));
    server.serve("/wrong-encoding", Answer.ok(fixture("wrong-encoding.xml"), "text/xml; charset=utf-8"));
    server.serve("/broken", Answer.ok(fixture("broken.xml"), RSS));
    server.serve("/xxe", Answer.ok(fixture("xxe.xml"), RSS));
    server.serve("/billion-laughs", Answer.ok(fixture("billion-laughs.xml"), RSS));
    server.serve("/slow", Answer.ok(fixture("rss2.xml"), RSS).slow(4_000));
    server.serve("/huge", Answer.ok(rssWithItems("huge", 3_000), RSS));
    server.serve("/too-huge", Answer.ok(rssWithItems("too-huge", 6_000), RSS));
    listFeeds("/rss2", "/atom", "/rdf", "/latin1", "/wrong-encoding", "/broken", "/xxe", "/billion-laughs", "/slow", "/huge",
        "/too-huge");

    try (FeedsApp app = started(Map.of())) {
      FeedPoller poller = app.poller();
      assertThat(poller.pollOnce(server.url("/rss2")).published()).isEqualTo(2);
      assertThat(poller.pollOnce(server.url("/atom")).published()).isEqualTo(1);
      assertThat(poller.pollOnce(server.url("/rdf")).published()).isEqualTo(1);
      assertThat(poller.pollOnce(server.url("/latin1")).published()).isEqualTo(1);
      assertThat(poller.pollOnce(server.url("/wrong-encoding")).published()).isEqualTo(1);
      assertThat(poller.pollOnce(server.url("/huge")).published()).isEqualTo(3_000);
      assertThatThrownBy(() -> poller.pollOnce(server.url("/broken"))).hasMessageStartingWith("not a readable RSS or Atom feed");
      assertThatThrownBy(() -> poller.pollOnce(server.url("/xxe"))).hasMessageContaining("DOCTYPE");
      assertThatThrownBy(() -> poller.pollOnce(server.url("/billion-laughs"))).hasMessageContaining("DOCTYPE");
      assertThatThrownBy(() -> poller.pollOnce(server.url("/slow"))).isInstanceOf(FetchException.class)
          .hasMessageContaining("within 1500 ms");
      assertThatThrownBy(() -> poller.pollOnce(server.url("/too-huge"))).isInstanceOf(FetchException.class)
          .hasMessageContaining("larger than 2000000 bytes");

      // Second round: the ETag feed answers 304, the others repeat their items; nothing new is published.
      assertThat(poller.pollOnce(server.url("/rss2")).notModified()).isTrue();
      assertThat(server.requests("/rss2").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
      assertThat(poller.pollOnce(server.url("/atom")).published()).isZero();
      assertThat(poller.pollOnce(server.url("/huge")).alreadySeen()).isEqualTo(3_000);
    }

    List<NewsReport> reports = raw();
    assertThat(reports).hasSize(2 + 1 + 1 + 1 + 1 + 3_000);
    assertThat(reports).allSatisfy(r -> assertThat(r.getChannel()).isEqualTo(IngestChannel.FEED));
    assertThat(reports.stream().map(NewsReport::getId).distinct()).hasSize(reports.size());
    NewsReport lithium = reports.stream().filter(r -> r.getTitle().startsWith("Lithium")).findFirst().orElseThrow();
    assertThat(lithium.getCanonicalUrl()).isEqualTo("https://minerals.example/news/lithium-refinery-loan");
    assertThat(lithium.getSource().getName()).isEqualTo("rss2");
    assertThat(lithium.getSource().getFeedUrl()).isEqualTo(server.url("/rss2").toString());
    assertThat(lithium.getSource().getDomain()).isEqualTo("minerals.example");
    assertThat(reports.stream().map(NewsReport::getTitle)).contains("Nickel : la mine de Goro redémarre",
        "Recyclage du cobalt : une usine à Dunkerque", "Rare earth stockpile plan announced")
        .noneMatch(t -> t.contains("root:") || t.contains("lol"));
    assertThat(reports.stream().filter(r -> r.getSource().getName().equals("wrong-encoding")).findFirst().orElseThrow().getTitle())
        .startsWith("Nickel : la mine de Goro red");
  }

  @Test
  void itemsRepeatedAcrossPollsAreOnlyPublishedOnceAndARestartPublishesNothingTwice() throws Exception {
    server.serve("/news", Answer.ok(rss("news", 1, 2), RSS));
    listFeeds("/news");
    try (FeedsApp app = started(Map.of())) {
      assertThat(app.poller().pollOnce(server.url("/news")).published()).isEqualTo(2);
      server.serve("/news", Answer.ok(rss("news", 2, 3), RSS));
      FeedPoller.PollResult second = app.poller().pollOnce(server.url("/news"));
      assertThat(second.published()).isEqualTo(1);
      assertThat(second.alreadySeen()).isEqualTo(1);
    }
    // A new poller process: state comes back from the compacted topic.
    try (FeedsApp restarted = started(Map.of())) {
      assertThat(restarted.poller().pollOnce(server.url("/news")).published()).isZero();
    }
    assertThat(raw().stream().map(NewsReport::getTitle)).containsExactlyInAnyOrder("news item 1", "news item 2", "news item 3");
  }

  @Test
  void aFailingFeedNeverStopsTheOthersAndShowsItsErrorAndRetry() throws Exception {
    server.serve("/good", Answer.ok(rss("good", 1, 1), RSS));
    server.serve("/slow", Answer.ok(rss("slow", 1, 1), RSS).slow(4_000));
    server.serve("/broken", Answer.ok(fixture("broken.xml"), RSS));
    listFeeds("/slow", "/broken", "/good");
    try (FeedsApp app = started(Map.of(IngestConfig.FEEDS_THREADS, 1))) {
      Thread loop = new Thread(app::run);
      loop.start();
      FeedPoller poller = app.poller();
      await(() -> poller.hasSucceeded(server.url("/good")) && !poller.lastError(server.url("/slow")).isEmpty()
          && !poller.lastError(server.url("/broken")).isEmpty());
      Map<String, String> details = poller.statusDetails();
      assertThat(details).containsEntry("feeds", "3").containsEntry("failing", "2").containsKey("good.next_poll")
          .containsKeys("slow.next_retry", "broken.next_retry");
      // Whether the timeout hits before the first byte or in the middle of the body depends on scheduling.
      assertThat(details.get("slow.last_error")).containsAnyOf("no answer from", "no complete answer");
      assertThat(details.get("broken.last_error")).startsWith("not a readable RSS or Atom feed");
      app.stop();
      loop.join(10_000);
    }
    assertThat(raw().stream().map(NewsReport::getTitle)).containsExactly("good item 1");
  }

  @Test
  void feedsAddedToTheFileArePolledWithoutARestart() throws Exception {
    server.serve("/first", Answer.ok(rss("first", 1, 1), RSS));
    server.serve("/second", Answer.ok(rss("second", 1, 1), RSS));
    listFeeds("/first");
    try (FeedsApp app = started(Map.of())) {
      Thread loop = new Thread(app::run);
      loop.start();
      await(() -> app.poller().hasSucceeded(server.url("/first")));
      Thread.sleep(1_100); // file times have a resolution of a second on some file systems
      listFeeds("/first", "/second");
      await(() -> app.poller().hasSucceeded(server.url("/second")));
      app.stop();
      loop.join(10_000);
    }
    assertThat(raw().stream().map(NewsReport::getTitle)).containsExactlyInAnyOrder("first item 1", "second item 1");
  }

  @Test
  void anInvalidFeedsFileAtStartIsShownInTheStatusAndItsFixedVersionIsPolled() throws Exception {
    server.serve("/first", Answer.ok(rss("first", 1, 1), RSS));
    Files.writeString(feedsFile, "feeds:\n  - url: [not, a, url\n");
    try (FeedsApp app = started(Map.of())) {
      assertThat(app.poller().statusDetails().get("feeds_file_error")).startsWith(feedsFile + " is not valid YAML");
      Thread loop = new Thread(app::run);
      loop.start();
      Thread.sleep(1_100); // file times have a resolution of a second on some file systems
      listFeeds("/first");
      await(() -> app.poller().hasSucceeded(server.url("/first")));
      assertThat(app.poller().statusDetails()).doesNotContainKey("feeds_file_error");
      app.stop();
      loop.join(10_000);
    }
    assertThat(raw().stream().map(NewsReport::getTitle)).containsExactly("first item 1");
  }

  @Test
  void refusesPrivateAddressesUnlessAllowedAndBoundsRedirects() throws Exception {
    server.serve("/news", Answer.ok(rss("news", 1, 1), RSS));
    server.serve("/moved", Answer.redirect("/news"));
    server.serve("/loop", Answer.redirect("/loop"));
    listFeeds("/news", "/moved", "/loop");
    try (FeedsApp strict = started(Map.of(IngestConfig.FEEDS_ALLOW_PRIVATE_ADDRESSES, false))) {
      assertThatThrownBy(() -> strict.poller().pollOnce(server.url("/news"))).hasMessageContaining("not a public address");
    }
    assertThat(server.requests("/news")).as("a refused address is never contacted").isEmpty();
    try (FeedsApp app = started(Map.of())) {
      assertThat(app.poller().pollOnce(server.url("/moved")).published()).isEqualTo(1);
      assertThatThrownBy(() -> app.poller().pollOnce(server.url("/loop"))).hasMessageContaining("more than 5 redirects");
    }
  }

  @Test
  void fetchesTheFullArticleAndFallsBackToTheDescription() throws Exception {
    String article = "<html><body><nav>Home | Markets</nav><article><p>" + "Full article text about cobalt. ".repeat(20)
        + "</p></article><footer>Contact</footer></body></html>";
    server.serve("/article/1", Answer.ok(article.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
    String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><link>" + server.url("/")
        + "</link><description>x</description>"
        + "<item><title>With page</title><link>" + server.url("/article/1") + "</link><description>Short.</description></item>"
        + "<item><title>Without page</title><link>" + server.url("/article/missing") + "</link><description>Only the description.</description></item>"
        + "</channel></rss>";
    server.serve("/full", Answer.ok(feed.getBytes(StandardCharsets.UTF_8), RSS));
    Files.writeString(feedsFile, "feeds:\n  - url: " + server.url("/full") + "\n    fetch_full_article: true\n");
    try (FeedsApp app = started(Map.of())) {
      assertThat(app.poller().pollOnce(server.url("/full")).published()).isEqualTo(2);
    }
    Map<String, NewsReport> byTitle = new HashMap<>();
    raw().forEach(r -> byTitle.put(r.getTitle(), r));
    assertThat(byTitle.get("With page").getBody()).startsWith("Full article text about cobalt.").doesNotContain("Markets", "Contact");
    assertThat(byTitle.get("With page").getSummary()).isEqualTo("Short.");
    assertThat(byTitle.get("With page").getContentType()).isEqualTo("text/html");
    assertThat(byTitle.get("Without page").getBody()).isEqualTo("Only the description.");
  }

  private static byte[] rss(String name, int from, int to) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
        .append(name).append("</title><link>https://").append(name).append(".example/</link><description>d</description>");
    for (int i = to; i >= from; i--) {
      xml.append("<item><title>").append(name).append(" item ").append(i).append("</title><link>https://").append(name)
          .append(".example/items/").append(i).append("</link><description>Item ").append(i).append(" of ").append(name)
          .append(".</description></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] rssWithItems(String name, int count) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
        .append(name).append("</title><link>https://").append(name).append(".example/</link><description>d</description>");
    String text = "Copper and cobalt supply news, repeated to make the feed large. ".repeat(4);
    for (int i = 0; i < count; i++) {
      xml.append("<item><title>").append(name).append(' ').append(i).append("</title><link>https://").append(name)
          .append(".example/").append(i).append("</link><description>").append(text).append("</description></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(100);
    }
  }
}
