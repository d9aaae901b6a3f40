package io.lodestone.alerts.webhook;

import io.lodestone.alerts.AlertFilter;
import io.lodestone.alerts.files.DataFileException;
import io.lodestone.alerts.files.YamlFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The webhook subscriptions file (format in alerts/README.md). Secrets are never in the file: each
 * subscription names an environment variable ({@code secret_env}) or a file ({@code secret_file},
 * relative to the subscriptions file) that holds it.
 */
public record SubscriptionsFile(List<Entry> subscriptions) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** One subscription as written in the file. */
  public record Entry(String id, String url, String secretEnv, String secretFile, AlertFilter filters) {}

  /** Reads, validates and resolves the secrets of every subscription. */
  public static List<Subscription> read(Path file, Map<String, String> env) {
    SubscriptionsFile parsed = YamlFiles.read(file, SubscriptionsFile.class);
    List<Entry> entries = parsed.subscriptions() == null ? List.of() : parsed.subscriptions();
    Set<String> ids = new HashSet<>();
    return entries.stream().map(entry -> {
      if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
        throw new DataFileException(file + ": subscription id '" + entry.id() + "' must be letters, digits, '.', '_' or '-'");
      }
      if (!ids.add(entry.id())) {
        throw new DataFileException(file + ": subscription " + entry.id() + " appears twice");
      }
      return new Subscription(entry.id(), url(file, entry), secret(file, entry, env),
          entry.filters() == null ? AlertFilter.ALL : entry.filters());
    }).toList();
  }

  private static URI url(Path file, Entry entry) {
    try {
      URI url = URI.create(entry.url() == null ? "" : entry.url().strip());
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // reported below, without echoing the URL: it may hold a token
    }
    throw new DataFileException(file + ": subscription " + entry.id() + " needs an absolute http(s) url");
  }

  private static byte[] secret(Path file, Entry entry, Map<String, String> env) {
    String where = file + ": subscription " + entry.id();
    if ((entry.secretEnv() == null) == (entry.secretFile() == null)) {
      throw new DataFileException(where + " needs exactly one of secret_env and secret_file");
    }
    String secret;
    if (entry.secretEnv() != null) {
      secret = env.get(entry.secretEnv());
      if (secret == null || secret.isBlank()) {
        throw new DataFileException(where + ": environment variable " + entry.secretEnv() + " is not set");
      }
    } else {
      Path secretFile = file.toAbsolutePath().getParent().resolve(entry.secretFile());
      try {
        secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new DataFileException(where + ": cannot read secret_file " + secretFile + ": " + e.getMessage(), e);
      }
      if (secret.isEmpty()) {
        throw new DataFileException(where + ": secret_file " + secretFile + " is empty");
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
