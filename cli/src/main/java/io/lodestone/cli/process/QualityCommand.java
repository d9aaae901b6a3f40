package io.lodestone.cli.process;

import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.classify.quality.ThemeEvaluation;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import io.lodestone.streams.quality.CorpusQuality;
import io.lodestone.streams.quality.QualityFigure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone quality}: the processing's quality figures on a labelled Reuters-21578 corpus. */
@Command(name = "quality", mixinStandardHelpOptions = true,
    description = {"Measure the processing on a Reuters-21578 corpus (the same topology as lodestone process): "
        + "exact-duplicate groups collapsed, near-duplicate recall and precision against brute-force Jaccard >= 0.8 on "
        + "word 5-shingles, countries against the PLACES labels, relevance on earnings and metal stories, and theme "
        + "macro-F1 against the annotators of theme-labels/.",
        "Exit status 1 when a figure misses its target."})
public final class QualityCommand implements Callable<Integer> {
  @Option(names = "--corpus", paramLabel = "DIR",
      description = "Directory (or .sgm file) of the corpus; default ../shared/corpus/reuters21578-dev beside the repository.")
  Path corpus;

  @Option(names = "--theme-labels", paramLabel = "DIR",
      description = "Directory of annotator-*.json theme labels; default theme-labels beside the corpus directory.")
  Path themeLabels;

  @Override
  public Integer call() throws IOException {
    Path source = corpus != null ? corpus.toAbsolutePath().normalize()
        : Workspace.current().repository().resolve("../shared/corpus/reuters21578-dev").normalize();
    if (!Files.exists(source)) {
      throw new UserException("no corpus at " + source + "; pass --corpus DIR");
    }
    List<String> problems = new ArrayList<>();
    List<ReutersStory> stories = ReutersSgmlReader.read(source, problems::add);
    if (stories.isEmpty()) {
      throw new UserException(ReutersInput.nothingRead(source, problems));
    }
    problems.forEach(System.err::println);
    Path labels = themeLabels != null ? themeLabels
        : (Files.isDirectory(source) ? source : source.getParent()).resolveSibling("theme-labels");
    if (ThemeEvaluation.annotatorFiles(labels).isEmpty()) {
      if (themeLabels != null) {
        throw new UserException("no annotator-*.json theme labels in " + themeLabels);
      }
      System.err.println("theme macro-F1 not measured: no annotator-*.json theme labels in " + labels + "; pass --theme-labels DIR");
    }
    CorpusQuality.Outcome outcome;
    try (ProgressBar bar = Progress.bar("quality", stories.size())) {
      outcome = CorpusQuality.measure(stories, StreamsAppConfig.fromEnvironment(Map.of()), labels, done -> {
        if (bar != null) {
          bar.stepTo(done);
        }
      });
    }
    System.out.printf("%d stories from %s%n", outcome.stories(), source);
    for (QualityFigure figure : outcome.figures()) {
      System.out.printf("  %-66s %7.4f  target %-7s %s%n", figure.name(), figure.value(), figure.target(),
          figure.met() ? "ok" : "MISSED");
    }
    return outcome.allMet() ? 0 : 1;
  }
}
