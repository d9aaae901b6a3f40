package io.lodestone.producers.feed;

import java.net.URI;
import java.time.Duration;

/**
 * One feed to poll, as listed in the feeds file.
 *
 * @param url the feed's http(s) URL (also its key in the state topic)
 * @param source outlet name put on its reports
 * @param pollInterval time between polls when the feed answers
 * @param language ISO 639-1 hint for its reports, or null to use the feed's own {@code language}
 * @param fetchFullArticle whether to download each new item's page and use its main text as the body
 */
public record FeedDefinition(URI url, String source, Duration pollInterval, String language, boolean fetchFullArticle) {}
