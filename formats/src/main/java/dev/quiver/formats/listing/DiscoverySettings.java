package dev.quiver.formats.listing;

import dev.quiver.sql.types.StructType;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Session-level settings of partition discovery, the counterparts of Spark's SQL confs. Reader options
 * ({@code basePath}, {@code recursiveFileLookup}, {@code pathGlobFilter}, {@code ignoreMissingFiles},
 * {@code timeZone}) travel separately in {@link dev.quiver.formats.FormatOptions}.
 *
 * @param typeInference {@code spark.sql.sources.partitionColumnTypeInference.enabled}: infer int, long,
 *     decimal, double, date and timestamp from directory values; when false every column is a string
 * @param caseSensitive {@code spark.sql.caseSensitive}: whether {@code A=1} and {@code a=1} name different
 *     columns
 * @param sessionZone {@code spark.sql.session.timeZone}: the zone timestamp values without offset are read
 *     in, unless the {@code timeZone} option overrides it
 * @param userSchema the schema given with {@code DataFrameReader.schema(...)}, or null: a partition column
 *     named in it takes the user's type (and spelling) instead of the inferred one
 */
public record DiscoverySettings(boolean typeInference, boolean caseSensitive, ZoneId sessionZone,
    StructType userSchema) {
  public DiscoverySettings {
    Objects.requireNonNull(sessionZone, "sessionZone");
  }

  /** Spark's defaults: inference on, case-insensitive, the JVM's zone, no user schema. */
  public static DiscoverySettings defaults() {
    return new DiscoverySettings(true, false, ZoneId.systemDefault(), null);
  }

  public DiscoverySettings withUserSchema(StructType schema) {
    return new DiscoverySettings(typeInference, caseSensitive, sessionZone, schema);
  }

  public DiscoverySettings withSessionZone(ZoneId zone) {
    return new DiscoverySettings(typeInference, caseSensitive, zone, userSchema);
  }

  public DiscoverySettings withTypeInference(boolean enabled) {
    return new DiscoverySettings(enabled, caseSensitive, sessionZone, userSchema);
  }

  public DiscoverySettings withCaseSensitive(boolean enabled) {
    return new DiscoverySettings(typeInference, enabled, sessionZone, userSchema);
  }
}
