package io.lodestone.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro (1.11.4+) only instantiates classes named in schemas when they are trusted. Lodestone's
 * generated classes are; the rest of the global policy (and the org.apache.avro.SERIALIZABLE_* system
 * properties) stays as it is.
 */
public final class TrustedClasses {
  static final String PACKAGE_PREFIX = "io.lodestone.schemas.";
  private static boolean installed;

  private TrustedClasses() {}

  /**
   * Trusts Lodestone's generated classes for this JVM. The serdes call it when they load; code that
   * builds records from schema defaults before any serde is loaded (e.g. {@code Entities.newBuilder().build()})
   * calls it first, as the CLI's main does.
   */
  public static synchronized void install() {
    if (!installed) {
      ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
          type -> type.getName().startsWith(PACKAGE_PREFIX)));
      installed = true;
    }
  }
}
