package io.lodestone.producers.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches feeds and article pages safely: http(s) only, every host (including each redirect target)
 * checked against the {@link AddressPolicy}, a bounded number of redirects, polite to each host
 * ({@link HostPoliteness}), connect and whole-answer timeouts, a maximum body size (also after gzip
 * decompression), a descriptive User-Agent, and conditional requests (ETag / If-Modified-Since) that
 * let an unchanged feed answer 304 without a body.
 */
public final class PageFetcher {
  /** HTTP cache validators of a previous answer. */
  public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
  }

  /** An answer: 304 (not modified, empty body) or 2xx with its body and new validators. */
  public record Page(URI uri, int status, byte[] body, String contentType, Validators validators) {
    public boolean notModified() {
      return status == 304;
    }
  }

  /** Everything that bounds a fetch. */
  public record Settings(String userAgent, Duration connectTimeout, Duration requestTimeout, long maxBytes,
      int maxRedirects, AddressPolicy addresses, HostPoliteness politeness) {}

  private final Settings settings;
  private final HttpClient client;

  public PageFetcher(Settings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
  }

  public Page fetch(URI uri, Validators validators, String accept) throws FetchException, InterruptedException {
    URI current = uri;
    for (int hop = 0; ; hop++) {
      String host = requireHttp(current);
      settings.addresses().check(host);
      HttpRequest request = request(current, validators, accept);
      HttpResponse<byte[]> response = settings.politeness().call(host, () -> send(request, host));
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        if (hop >= settings.maxRedirects()) {
          throw new FetchException("more than " + settings.maxRedirects() + " redirects from " + uri);
        }
        String location = response.headers().firstValue("location")
            .orElseThrow(() -> new FetchException("HTTP " + status + " without a Location from " + request.uri()));
        current = resolve(current, location);
        continue;
      }
      Validators next = new Validators(response.headers().firstValue("etag").orElse(null),
          response.headers().firstValue("last-modified").orElse(null));
      String contentType = response.headers().firstValue("content-type").orElse(null);
      if (status == 304) {
        return new Page(current, status, new byte[0], contentType, validators);
      }
      if (status < 200 || status >= 300) {
        throw new FetchException("HTTP " + status + " from " + current);
      }
      return new Page(current, status, decode(response), contentType, next);
    }
  }

  private HttpRequest request(URI uri, Validators validators, String accept) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET()
        .header("User-Agent", settings.userAgent()).header("Accept", accept).header("Accept-Encoding", "gzip");
    if (validators.etag() != null) {
      builder.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      builder.header("If-Modified-Since", validators.lastModified());
    }
    return builder.build();
  }

  private HttpResponse<byte[]> send(HttpRequest request, String host) throws FetchException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, LimitedBody.handler(settings.maxBytes()));
    long timeout = settings.requestTimeout().toMillis();
    try {
      return answer.get(timeout, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new FetchException("no complete answer from " + host + " within " + seconds(settings.requestTimeout()));
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw failure(request.uri(), host, e.getCause());
    }
  }

  private FetchException failure(URI uri, String host, Throwable cause) {
    if (cause instanceof LimitedBody.TooLargeException) {
      return new FetchException("the answer from " + host + " is larger than " + settings.maxBytes()
          + " bytes (feeds.max.response.bytes)", cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new FetchException("cannot connect to " + host + " within " + seconds(settings.connectTimeout()), cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new FetchException("no answer from " + host + " within " + seconds(settings.requestTimeout()), cause);
    }
    if (cause instanceof ConnectException) {
      return new FetchException("cannot connect to " + host + " (connection refused)", cause);
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new FetchException("fetching " + uri + " failed: " + message, cause);
  }

  private byte[] decode(HttpResponse<byte[]> response) throws FetchException {
    String encoding = response.headers().firstValue("content-encoding").orElse("identity").toLowerCase(Locale.ROOT);
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      return response.body();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > settings.maxBytes()) {
          throw new FetchException("the answer from " + response.uri().getHost() + " is larger than "
              + settings.maxBytes() + " bytes once decompressed (feeds.max.response.bytes)");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchException("the gzip answer from " + response.uri().getHost() + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static String requireHttp(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("refused " + uri + ": only http and https URLs are fetched");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException("refused " + uri + ": no host");
    }
    return uri.getHost();
  }

  private static URI resolve(URI base, String location) throws FetchException {
    try {
      return base.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchException("invalid redirect Location \"" + location + "\" from " + base);
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }
}
