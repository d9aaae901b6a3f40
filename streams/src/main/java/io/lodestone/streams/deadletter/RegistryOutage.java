package io.lodestone.streams.deadletter;

import io.lodestone.schemas.registry.SchemaRegistryException;

/**
 * Tells a registry outage from a poison record. A record naming a schema id the registry does not
 * have is poison; a registry that cannot be reached, answers 5xx or refuses our credentials fails every
 * record alike, so the record must be retried once the registry is back, not dead-lettered.
 */
public final class RegistryOutage {
  private RegistryOutage() {}

  public static boolean causedBy(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException && !(t instanceof SchemaRegistryException.SchemaNotFoundException)) {
        return true;
      }
    }
    return false;
  }
}
