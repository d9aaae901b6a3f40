package io.lodestone.schemas.registry;

/**
 * An error answered by the schema registry, with the Confluent error code (e.g. 40401) and message,
 * or a failure to reach it (status and error code -1).
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Confluent error codes the client maps to subclasses. */
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
    this.errorCode = -1;
  }

  /** HTTP status of the answer, or -1 when the registry could not be reached. */
  public int status() {
    return status;
  }

  /** Confluent error code of the answer, or -1 when the registry could not be reached. */
  public int errorCode() {
    return errorCode;
  }

  /** Maps a registry error answer to the most specific exception type. */
  static SchemaRegistryException of(int status, int errorCode, String message) {
    String text = "schema registry error " + errorCode + ": " + message;
    return switch (errorCode) {
      case SUBJECT_NOT_FOUND -> new SubjectNotFoundException(status, errorCode, text);
      case SCHEMA_NOT_FOUND, VERSION_NOT_FOUND -> new SchemaNotFoundException(status, errorCode, text);
      case INVALID_SCHEMA -> new InvalidSchemaException(status, errorCode, text);
      default -> status == 409
          ? new IncompatibleSchemaException(status, errorCode, text)
          : new SchemaRegistryException(status, errorCode, text);
    };
  }

  /** 40401: the subject does not exist. */
  public static class SubjectNotFoundException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    SubjectNotFoundException(int status, int code, String message) {
      super(status, code, message);
    }
  }

  /** 40403 (or 40402): no such schema id, version or schema under the subject. */
  public static class SchemaNotFoundException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    SchemaNotFoundException(int status, int code, String message) {
      super(status, code, message);
    }
  }

  /** 409: the schema breaks the subject's compatibility rule. */
  public static class IncompatibleSchemaException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    IncompatibleSchemaException(int status, int code, String message) {
      super(status, code, message);
    }
  }

  /** 42201: the registry cannot parse the schema. */
  public static class InvalidSchemaException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    InvalidSchemaException(int status, int code, String message) {
      super(status, code, message);
    }
  }
}
