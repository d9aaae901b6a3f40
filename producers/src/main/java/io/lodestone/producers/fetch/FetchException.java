package io.lodestone.producers.fetch;

/** A fetch that failed, with a one-sentence reason fit for ./lodestone status. */
public class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  public FetchException(String message) {
    super(message);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
