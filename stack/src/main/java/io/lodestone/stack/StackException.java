package io.lodestone.stack;

/** A problem starting or stopping a local server, stated in one sentence for the user. */
public class StackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
