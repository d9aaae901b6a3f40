/** Pieces every Lodestone app shares: configuration from ConfigDef definitions and the environment, topic names. */
package io.lodestone.core;
