package io.lodestone.streams.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Reuters-21578 SGML files (Latin-1; {@code <REUTERS NEWID=...>} elements holding DATE,
 * TOPICS, PLACES, ORGS, TITLE, DATELINE and BODY). The files are not well-formed XML (control-character
 * references, bare ampersands), so elements are matched with patterns, as the collection's own tools do.
 */
public final class ReutersSgmlReader {
  private static final Pattern STORY = Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern NEW_ID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern LABEL = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
  private static final Pattern CONTROL_REFERENCE = Pattern.compile("&#(\\d+);");
  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ENGLISH);

  private ReutersSgmlReader() {}

  /** Every story of a file, or of all {@code *.sgm} files of a directory, in NEWID order. */
  public static List<ReutersStory> read(Path fileOrDirectory) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrDirectory)) {
      try (Stream<Path> list = Files.list(fileOrDirectory)) {
        list.filter(p -> p.getFileName().toString().endsWith(".sgm")).forEach(files::add);
      }
    } else {
      files.add(fileOrDirectory);
    }
    List<ReutersStory> stories = new ArrayList<>();
    for (Path file : files) {
      stories.addAll(parse(Files.readString(file, StandardCharsets.ISO_8859_1)));
    }
    stories.sort(Comparator.comparingInt(ReutersStory::newId));
    return stories;
  }

  static List<ReutersStory> parse(String sgml) {
    List<ReutersStory> stories = new ArrayList<>();
    Matcher story = STORY.matcher(sgml);
    while (story.find()) {
      Matcher id = NEW_ID.matcher(story.group(1));
      if (!id.find()) {
        continue;
      }
      String content = story.group(2);
      stories.add(new ReutersStory(Integer.parseInt(id.group(1)), date(element(content, "DATE")),
          labels(element(content, "TOPICS")), labels(element(content, "PLACES")), labels(element(content, "ORGS")),
          text(element(content, "TITLE")), text(element(content, "DATELINE")), text(element(content, "BODY"))));
    }
    return stories;
  }

  private static String element(String content, String name) {
    int start = content.indexOf("<" + name + ">");
    if (start < 0) {
      return "";
    }
    int end = content.indexOf("</" + name + ">", start);
    return end < 0 ? "" : content.substring(start + name.length() + 2, end);
  }

  private static List<String> labels(String element) {
    List<String> labels = new ArrayList<>();
    Matcher label = LABEL.matcher(element);
    while (label.find()) {
      labels.add(label.group(1).strip());
    }
    return labels;
  }

  /** Unescapes the entities the collection uses and drops control-character references. */
  private static String text(String raw) {
    String text = CONTROL_REFERENCE.matcher(raw).replaceAll(m -> {
      int code = Integer.parseInt(m.group(1));
      return code < 32 ? "" : Matcher.quoteReplacement(String.valueOf((char) code));
    });
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        .replaceAll("(?m)\\s*Reuter\\s*$", "").strip();
  }

  private static Instant date(String raw) {
    // a few stories have two spaces between the day and the time ("3-MAR-1987  09:15:05.40")
    String text = raw.strip().replaceAll("\\s+", " ");
    int fraction = text.lastIndexOf('.');
    if (fraction > 0) {
      text = text.substring(0, fraction);
    }
    try {
      return LocalDateTime.parse(text, DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
