package io.lodestone.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DedupIndexTest {
  private static final int BANDS = 3;
  private final DedupIndex index = new DedupIndex(BANDS, Integer.MAX_VALUE);

  @Test
  void findsReportsByIdFingerprintAndSharedBandKey() {
    index.addReport(10, "a", fingerprint(1), new long[] {11, 12, 13});
    index.addReport(20, "b", fingerprint(2), new long[] {21, 12, 23});

    assertThat(index.reportTime("a")).isEqualTo(10L);
    assertThat(index.reportTime("c")).isNull();
    assertThat(index.byFingerprint(fingerprint(2))).isEqualTo("b");
    assertThat(index.byFingerprint(fingerprint(3))).isNull();
    assertThat(index.candidates(new long[] {99, 12, 98})).containsExactly("b", "a");
    assertThat(index.candidates(new long[] {11, 98, 23})).containsExactlyInAnyOrder("a", "b");
    assertThat(index.candidates(new long[] {97, 98, 99})).isEmpty();
  }

  @Test
  void forgetsInArrivalOrderAndKeepsTheOthersChainedUnderSharedKeys() {
    index.addReport(10, "a", fingerprint(1), new long[] {1, 2, 3});
    index.addReport(20, "b", fingerprint(1), new long[] {1, 2, 4});
    index.addReport(30, "c", fingerprint(5), new long[] {1, 6, 7});

    index.expireBefore(15);
    assertThat(index.reportTime("a")).isNull();
    assertThat(index.byFingerprint(fingerprint(1))).isEqualTo("b");
    assertThat(index.candidates(new long[] {1, 0, 0})).containsExactly("c", "b");
    assertThat(index.candidates(new long[] {0, 0, 3})).isEmpty();

    index.expireBefore(25);
    assertThat(index.byFingerprint(fingerprint(1))).isNull();
    assertThat(index.candidates(new long[] {1, 2, 4})).containsExactly("c");
    assertThat(index.reports()).isEqualTo(1);
    assertThat(index.bandKeys()).isEqualTo(3);
  }

  @Test
  void reportAddedAgainIsKnownByItsLatestWriteUntilThatLeaves() {
    index.addReport(10, "a", fingerprint(1), new long[] {1, 2, 3});
    index.addReport(20, "a", fingerprint(2), new long[] {4, 5, 6});

    assertThat(index.reportTime("a")).isEqualTo(20L);
    index.expireBefore(15);
    assertThat(index.reportTime("a")).isEqualTo(20L);
    assertThat(index.byFingerprint(fingerprint(1))).isNull();
    assertThat(index.candidates(new long[] {1, 5, 0})).containsExactly("a");
  }

  @Test
  void reportWithoutWordsHasNoFingerprintNorBandKeys() {
    index.addReport(10, "empty", "", new long[0]);
    index.addReport(11, "also-empty", null, new long[0]);

    assertThat(index.reportTime("empty")).isEqualTo(10L);
    assertThat(index.bandKeys()).isZero();
    index.expireBefore(12);
    assertThat(index.reports()).isZero();
  }

  @Test
  void theSameKeyInTwoBandsOfOneReportIsFiledOnce() {
    index.addReport(10, "a", fingerprint(1), new long[] {7, 7, 8});
    index.addReport(20, "b", fingerprint(2), new long[] {7, 9, 9});

    assertThat(index.candidates(new long[] {7, 0, 0})).containsExactly("b", "a");
    index.expireBefore(15);
    assertThat(index.candidates(new long[] {7, 9, 8})).containsExactly("b");
    index.expireBefore(25);
    assertThat(index.bandKeys()).isZero();
  }

  @Test
  void storyIsKnownUntilItsLatestUpdateLeaves() {
    index.addStory(10, "s");
    index.addStory(20, "s");

    index.expireBefore(15);
    assertThat(index.storyTime("s")).isEqualTo(20L);
    index.expireBefore(25);
    assertThat(index.storyTime("s")).isNull();
  }

  @Test
  void holdsAtMostMaxReportsAndForgetsTheOldestFirst() {
    DedupIndex small = new DedupIndex(BANDS, 2);
    assertThat(small.addReport(10, "a", fingerprint(1), new long[] {1, 2, 3})).isZero();
    assertThat(small.addReport(20, "b", fingerprint(2), new long[] {1, 5, 6})).isZero();

    assertThat(small.addReport(30, "c", fingerprint(3), new long[] {1, 8, 9})).isEqualTo(1);
    assertThat(small.reportTime("a")).isNull();
    assertThat(small.byFingerprint(fingerprint(1))).isNull();
    assertThat(small.candidates(new long[] {1, 2, 3})).containsExactly("c", "b");
    assertThat(small.oldestReportTime()).isEqualTo(20L);
    assertThat(small.reports()).isEqualTo(2);
  }

  @Test
  void holdsAtMostMaxStoryUpdatesAndAStoryLeavesWithItsLatest() {
    DedupIndex small = new DedupIndex(BANDS, 2);
    small.addStory(10, "s");
    small.addStory(20, "t");
    small.addStory(30, "s");

    assertThat(small.storyTime("s")).isEqualTo(30L);
    assertThat(small.storyTime("t")).isEqualTo(20L);
    small.addStory(40, "u");
    assertThat(small.storyTime("t")).isNull();
    assertThat(small.storyTime("s")).isEqualTo(30L);
  }

  /** Against a plain model over many reports with shared keys, expiring as it goes (slots are reused). */
  @Test
  void agreesWithAPlainModelWhileSlotsAreReused() {
    Random random = new Random(7);
    List<Object[]> model = new ArrayList<>(); // {time, id, keys}
    for (int time = 0; time < 5_000; time++) {
      long[] keys = {random.nextInt(40), 100 + random.nextInt(40), 200 + random.nextInt(40)};
      String id = "r" + random.nextInt(2_000);
      index.addReport(time, id, fingerprint(random.nextInt(300)), keys);
      model.add(new Object[] {(long) time, id, keys});
      long cutoff = time - 300;
      index.expireBefore(cutoff);
      model.removeIf(entry -> (long) entry[0] < cutoff);

      long[] probe = {random.nextInt(40), 100 + random.nextInt(40), 200 + random.nextInt(40)};
      Set<String> expected = new HashSet<>();
      Map<String, Long> latest = new HashMap<>();
      for (Object[] entry : model) {
        latest.put((String) entry[1], (Long) entry[0]);
        for (int band = 0; band < BANDS; band++) {
          if (((long[]) entry[2])[band] == probe[band]) {
            expected.add((String) entry[1]);
          }
        }
      }
      assertThat(index.candidates(probe)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(index.reports()).isEqualTo(latest.size());
      assertThat(index.reportTime(id)).isEqualTo(latest.get(id));
    }
  }

  private static String fingerprint(long hash) {
    return String.format("%016x", hash);
  }
}
