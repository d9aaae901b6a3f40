package io.lodestone.schemas.registry;

/**
 * A schema-registry failure: an error answered by the registry, with its Confluent error code (e.g.
 * 40401) and message, or {@link RegistryUnavailableException} when it could not be reached. Never a
 * verdict on a Kafka record: the serde raises {@code SerializationException} for those, so that a
 * dead-letter handler can tell a bad record from a registry problem.
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

  /** HTTP status of the answer, or -1 when there was none. */
  public int status() {
    return status;
  }

  /** Confluent error code of the answer (the HTTP status when the body had none), or -1 when there was none. */
  public int errorCode() {
    return errorCode;
  }

  /** Maps a registry error answer to the most specific exception type. */
  static SchemaRegistryException of(int status, int errorCode, String message) {
    return switch (errorCode) {
      case SUBJECT_NOT_FOUND -> new SubjectNotFoundException(status, errorCode, message);
      case SCHEMA_NOT_FOUND, VERSION_NOT_FOUND -> new SchemaNotFoundException(status, errorCode, message);
      case INVALID_SCHEMA -> new InvalidSchemaException(status, errorCode, message);
      // Confluent answers 409 with error code 409; some registries put their own code in the body.
      default -> status == INCOMPATIBLE_SCHEMA || errorCode == INCOMPATIBLE_SCHEMA
          ? new IncompatibleSchemaException(status, errorCode, message)
          : new SchemaRegistryException(status, errorCode, message);
    };
  }

  /** 40401: the subject does not exist. */
  public static class SubjectNotFoundException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    SubjectNotFoundException(int status, int code, String message) {
      super(status, code, message);
    }
  }

  /** 40403 (or 40402): no such schema id, version, or schema under the subject. */
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

  /**
   * The registry could not be reached, timed out, or kept answering 5xx through every retry: an outage
   * to wait out, not a problem of the request. Status and error code are those of the last 5xx answer,
   * or -1 when there was none.
   */
  public static class RegistryUnavailableException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    RegistryUnavailableException(int status, int code, String message, Throwable cause) {
      super(status, code, message);
      initCause(cause);
    }
  }
}
