package io.lodestone.streams.normalize;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Language of a report, by Lingua (low-accuracy mode, restricted to the candidate languages of
 * {@code language.properties}) on a bounded sample of the text.
 *
 * <p>Lingua costs about 100-150 microseconds for a 150-character sample, more than the whole
 * per-report budget, and nearly every report Lodestone reads is English. So text that is plainly
 * English (Latin letters only and a high share of English function words in its first words) is
 * answered without calling Lingua; everything else goes to Lingua.
 */
final class LanguageDetection {
  static final String RESOURCE = "language.properties";

  private final LanguageDetector detector;
  private final Set<String> englishFunctionWords;
  private final int sampleChars;
  private final int fastPathWords;
  private final double fastPathShare;

  private LanguageDetection(Properties settings) {
    Language[] candidates = Arrays.stream(settings.getProperty("candidates").split(","))
        .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT))))
        .toArray(Language[]::new);
    this.detector = LanguageDetectorBuilder.fromLanguages(candidates).withLowAccuracyMode().build();
    this.englishFunctionWords = new HashSet<>(Arrays.asList(settings.getProperty("english.function.words").split("\\s*,\\s*")));
    this.sampleChars = Integer.parseInt(settings.getProperty("sample.chars").strip());
    this.fastPathWords = Integer.parseInt(settings.getProperty("english.fast.path.words").strip());
    this.fastPathShare = Double.parseDouble(settings.getProperty("english.fast.path.share").strip());
  }

  static LanguageDetection bundled() {
    Properties settings = new Properties();
    try (InputStream in = LanguageDetection.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Bundled resource " + RESOURCE + " is missing from the classpath");
      }
      settings.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LanguageDetection(settings);
  }

  /** ISO 639-1 code of the text's language, or null when the text is too short or ambiguous. */
  String detect(String text) {
    if (isPlainlyEnglish(text)) {
      return "en";
    }
    String sample = text.length() <= sampleChars ? text : text.substring(0, sampleChars);
    Language language = detector.detectLanguageOf(sample);
    return language == Language.UNKNOWN ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  /** Latin script only and enough of the first words are English function words ("the", "of", "said"). */
  boolean isPlainlyEnglish(String text) {
    int words = 0;
    int functionWords = 0;
    StringBuilder word = new StringBuilder(16);
    for (int i = 0; i <= text.length() && words < fastPathWords; i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        if (c > '\u024F') {
          return false; // beyond Latin Extended-B: another script, let Lingua decide
        }
        word.append(Character.toLowerCase(c));
      } else if (word.length() > 0) {
        words++;
        if (englishFunctionWords.contains(word.toString())) {
          functionWords++;
        }
        word.setLength(0);
      }
    }
    return words >= 8 && functionWords >= fastPathShare * words;
  }
}
