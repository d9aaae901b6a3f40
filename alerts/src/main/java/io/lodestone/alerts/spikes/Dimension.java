package io.lodestone.alerts.spikes;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.ThemeScore;
import java.util.List;
import java.util.Locale;

/**
 * What reports are counted per. A spike key is the dimension's name and a value, e.g.
 * {@code theme:supply-disruption} or {@code mineral:lithium}.
 */
public enum Dimension {
  THEME, MINERAL, COUNTRY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Dimension of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** The distinct values of this dimension in a report. */
  public List<String> values(EnrichedReport report) {
    List<String> values = switch (this) {
      case THEME -> report.getThemes().stream().map(ThemeScore::getId).toList();
      case MINERAL -> report.getEntities().getMinerals().stream().map(MineralMention::getId).toList();
      case COUNTRY -> report.getEntities().getCountries().stream().map(CountryMention::getCode).toList();
    };
    return values.stream().distinct().toList();
  }

  public String key(String value) {
    return label() + ":" + value;
  }

  /** The dimension of a spike key. */
  public static Dimension ofKey(String key) {
    return of(key.substring(0, key.indexOf(':')));
  }

  /** The value of a spike key. */
  public static String valueOfKey(String key) {
    return key.substring(key.indexOf(':') + 1);
  }

  /** Detector name, the alert's rule field: spike-theme, spike-mineral, spike-country. */
  public String detector() {
    return "spike-" + label();
  }
}
