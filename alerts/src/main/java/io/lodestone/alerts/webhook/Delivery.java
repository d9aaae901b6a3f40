package io.lodestone.alerts.webhook;

/**
 * The end of delivering one alert to one subscription.
 *
 * @param delivered whether the subscriber acknowledged it; if not, it is dead-lettered
 * @param attempts attempts made
 * @param detail the last attempt's outcome
 */
public record Delivery(boolean delivered, int attempts, String detail) {}
