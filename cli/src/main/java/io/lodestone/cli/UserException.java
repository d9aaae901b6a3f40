package io.lodestone.cli;

/** An error the user can fix, stated in one sentence; printed without a stack trace. */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
