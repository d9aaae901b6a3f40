package io.lodestone.alerts.deadletter;

/** Stages of the alerts app's dead letters. */
public final class DeadLetters {
  /** Stage of alerts the topology could not read. */
  public static final String STAGE_ALERTS = "alerts";
  /** Stage of alerts that could not be delivered to a webhook subscriber. */
  public static final String STAGE_WEBHOOK = "webhook";
  /** Stage of alerts Elasticsearch refused to index. */
  public static final String STAGE_INDEX = "alerts-index";

  private DeadLetters() {}
}
