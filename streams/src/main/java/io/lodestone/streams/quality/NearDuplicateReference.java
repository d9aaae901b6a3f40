package io.lodestone.streams.quality;

import io.lodestone.streams.dedup.Shingles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact answer MinHash estimates: for each text, the earlier texts whose sets of word shingles have a
 * Jaccard similarity at or above a threshold. Brute force over all pairs that share a shingle, found
 * through an inverted index from shingle to texts, so pairs without a common shingle cost nothing.
 */
public final class NearDuplicateReference {
  private NearDuplicateReference() {}

  /** For each text (by position), the earlier texts at or above the threshold, with their similarity. */
  public static List<Map<Integer, Double>> compute(List<String> texts, int shingleSize, double threshold) {
    Map<Long, int[]> postings = new HashMap<>();
    int[] overlap = new int[texts.size()];
    int[] sizes = new int[texts.size()];
    List<Map<Integer, Double>> similar = new ArrayList<>(texts.size());
    for (int doc = 0; doc < texts.size(); doc++) {
      long[] shingles = Arrays.stream(Shingles.of(Shingles.wordHashes(texts.get(doc)), shingleSize)).distinct().toArray();
      sizes[doc] = shingles.length;
      List<Integer> touched = new ArrayList<>();
      for (long shingle : shingles) {
        int[] docs = postings.get(shingle);
        for (int i = 1; docs != null && i <= docs[0]; i++) {
          if (overlap[docs[i]]++ == 0) {
            touched.add(docs[i]);
          }
        }
      }
      Map<Integer, Double> matches = new LinkedHashMap<>();
      for (int other : touched) {
        double jaccard = (double) overlap[other] / (sizes[doc] + sizes[other] - overlap[other]);
        if (jaccard >= threshold) {
          matches.put(other, jaccard);
        }
        overlap[other] = 0;
      }
      similar.add(matches);
      for (long shingle : shingles) {
        postings.merge(shingle, new int[] {1, doc}, NearDuplicateReference::append);
      }
    }
    return similar;
  }

  /** Posting lists are int arrays: the count, then the texts, with room to grow. */
  private static int[] append(int[] docs, int[] single) {
    int[] grown = docs[0] + 1 < docs.length ? docs : Arrays.copyOf(docs, docs.length * 2);
    grown[++grown[0]] = single[1];
    return grown;
  }
}
