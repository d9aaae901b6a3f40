package io.lodestone.alerts;

import io.lodestone.schemas.SupplyChainAlert;

/** An alert as one terminal line: when, severity, kind, rule, summary and id. */
public final class AlertText {
  private AlertText() {}

  /** The severity is passed through {@code styleSeverity}, e.g. to colour it. */
  public static String line(SupplyChainAlert alert, java.util.function.UnaryOperator<String> styleSeverity) {
    return String.format("%s  %s  %-5s  %s  %s  [%s]", alert.getCreatedAt(),
        styleSeverity.apply(String.format("%-8s", alert.getSeverity())), alert.getKind(), alert.getRule(),
        alert.getSummary(), alert.getId());
  }
}
