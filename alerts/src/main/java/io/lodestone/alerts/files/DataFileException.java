package io.lodestone.alerts.files;

/** A data file (rules, subscriptions) that cannot be used, with a one-sentence reason naming the file. */
public final class DataFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataFileException(String message) {
    super(message);
  }

  public DataFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
