package io.lodestone.streams.normalize;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Language of a report, by Lingua (low-accuracy mode, restricted to the candidate languages of
 * {@code language.properties}) on a bounded sample of the text.
 *
 * <p>Lingua costs 100 to 300 microseconds for a 150-character sample, more than the whole
 * per-report budget, and nearly every report Lodestone reads is English. So text that is plainly
 * English (Latin letters only and a high share of English function words in its first words) is
 * answered without calling Lingua. Wire stories that open with a table of figures ("Shr 1.25 dlrs
 * vs 1.10 dlrs") fail that test on their first words; the share over the whole text, where their
 * prose is, decides them before Lingua is asked (Lingua reads such a table's first 150 characters and
 * often names German or French). Everything else goes to Lingua.
 */
final class LanguageDetection {
  static final String RESOURCE = "language.properties";

  private final LanguageDetector detector;
  private final CharArraySet englishFunctionWords;
  private final int longestFunctionWord;
  private final int sampleChars;
  private final int fastPathWords;
  private final double fastPathShare;

  private LanguageDetection(Properties settings) {
    Language[] candidates = Arrays.stream(settings.getProperty("candidates").split(","))
        .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT))))
        .toArray(Language[]::new);
    this.detector = LanguageDetectorBuilder.fromLanguages(candidates).withLowAccuracyMode().build();
    List<String> functionWords = Arrays.asList(settings.getProperty("english.function.words").split("\\s*,\\s*"));
    this.englishFunctionWords = new CharArraySet(functionWords, false);
    this.longestFunctionWord = functionWords.stream().mapToInt(String::length).max().orElse(0);
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

  /**
   * Latin script only, and English function words ("the", "of", "said") make the fast path's share of the
   * first {@code fastPathWords} words, or else of the whole text, read on in the same pass. Once the first
   * words hold enough function words the answer can only be yes, unless a letter of another script follows
   * among them, so only that is still looked for until the first words are read.
   */
  boolean isPlainlyEnglish(String text) {
    int words = 0;
    int functionWords = 0;
    double enough = Math.max(8, fastPathShare * fastPathWords); // beyond this many the first words' share cannot fall short
    char[] word = new char[longestFunctionWord];
    int length = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c < ASCII ? ASCII_LETTER[c] : Character.isLetter(c)) {
        if (c > '\u024F') {
          return false; // beyond Latin Extended-B: another script, let Lingua decide
        }
        if (length < word.length) {
          word[length] = c < ASCII ? (char) (c | 0x20) : Character.toLowerCase(c);
        }
        length++;
      } else if (length > 0) {
        words++;
        boolean counted = words > fastPathWords || functionWords < enough;
        if (counted && length <= word.length && englishFunctionWords.contains(word, 0, length)) {
          functionWords++;
        }
        length = 0;
        if (words == fastPathWords && englishShare(words, functionWords)) {
          return true;
        }
      }
    }
    return englishShare(words, functionWords);
  }

  private boolean englishShare(int words, int functionWords) {
    return words >= 8 && functionWords >= fastPathShare * words;
  }

  private static final int ASCII = 0x80;
  /** ASCII letters, for which OR-ing 0x20 gives the lower case. */
  private static final boolean[] ASCII_LETTER = new boolean[ASCII];

  static {
    for (char c = 0; c < ASCII; c++) {
      ASCII_LETTER[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
  }
}
