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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Reuters-21578 SGML files (Latin-1; {@code <REUTERS NEWID=...>} elements holding DATE,
 * TOPICS, PLACES, ORGS, TITLE, DATELINE and BODY). The files are not well-formed XML (control-character
 * references, bare ampersands), so elements are matched with patterns, as the collection's own tools do.
 */
public final class ReutersSgmlReader {
  private static final String OPENING = "<REUTERS";
  private static final Pattern STORY = Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern NEW_ID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern LABEL = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
  private static final Pattern CONTROL_REFERENCE = Pattern.compile("&#(\\d+);");
  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ENGLISH);

  private ReutersSgmlReader() {}

  /**
   * Every story of a file, or of all {@code *.sgm} files of a directory, in NEWID order; fails with the
   * first part that cannot be read (see {@link #read(Path, Consumer)}). For inputs known to be whole, such as
   * the development corpus.
   */
  public static List<ReutersStory> read(Path fileOrDirectory) throws IOException {
    return read(fileOrDirectory, problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  /**
   * Every story of a file, or of all {@code *.sgm} files of a directory, in NEWID order. Each part of the
   * input that holds no readable story goes to {@code problems} as one sentence, and reading goes on: a
   * directory without {@code .sgm} files, a file without {@code <REUTERS>} elements, a story without a
   * NEWID, a story that is not closed (a truncated file).
   */
  public static List<ReutersStory> read(Path fileOrDirectory, Consumer<String> problems) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrDirectory)) {
      try (Stream<Path> list = Files.list(fileOrDirectory)) {
        list.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().forEach(files::add);
      }
      if (files.isEmpty()) {
        problems.accept(fileOrDirectory + " holds no .sgm files");
      }
    } else {
      files.add(fileOrDirectory);
    }
    List<ReutersStory> stories = new ArrayList<>();
    for (Path file : files) {
      stories.addAll(parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString(), problems));
    }
    stories.sort(Comparator.comparingInt(ReutersStory::newId));
    return stories;
  }

  /** The stories of one file's text; {@code source} names the file in problems. */
  static List<ReutersStory> parse(String sgml, String source, Consumer<String> problems) {
    List<ReutersStory> stories = new ArrayList<>();
    Matcher story = STORY.matcher(sgml);
    int from = 0;
    boolean anyStory = false;
    while (story.find(from)) {
      anyStory = true;
      // a story left open mid-file would otherwise swallow the next one, up to that one's </REUTERS>
      int nextOpening = sgml.indexOf(OPENING, story.start() + OPENING.length());
      if (nextOpening >= 0 && nextOpening < story.end()) {
        problems.accept(unclosed(sgml, source, story.start(), "before the next story"));
        from = nextOpening;
        continue;
      }
      from = story.end();
      Matcher id = NEW_ID.matcher(story.group(1));
      if (!id.find()) {
        problems.accept(source + ": the story on line " + lineOf(sgml, story.start()) + " has no NEWID; not read");
        continue;
      }
      String content = story.group(2);
      stories.add(new ReutersStory(Integer.parseInt(id.group(1)), date(element(content, "DATE")),
          labels(element(content, "TOPICS")), labels(element(content, "PLACES")), labels(element(content, "ORGS")),
          text(element(content, "TITLE")), text(element(content, "DATELINE")), text(element(content, "BODY"))));
    }
    int trailing = sgml.indexOf(OPENING, from);
    if (trailing >= 0) {
      problems.accept(unclosed(sgml, source, trailing, "(a truncated file?)"));
    } else if (!anyStory) {
      problems.accept(source + " holds no <REUTERS> stories; is it a Reuters-21578 SGML file?");
    }
    return stories;
  }

  private static String unclosed(String sgml, String source, int opening, String where) {
    return source + ": the story on line " + lineOf(sgml, opening) + " has no </REUTERS> " + where + "; not read";
  }

  private static long lineOf(String text, int offset) {
    return 1 + text.substring(0, offset).chars().filter(c -> c == '\n').count();
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
