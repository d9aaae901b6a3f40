package io.lodestone.streams.quality;

/** One measured figure with its target, e.g. near-duplicate recall 0.983 against >= 0.95. */
public record QualityFigure(String name, double value, String target, boolean met) {

  public static QualityFigure atLeast(String name, double value, double target) {
    return new QualityFigure(name, value, ">= " + target, value >= target);
  }
}
