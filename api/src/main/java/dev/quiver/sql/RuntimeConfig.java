package dev.quiver.sql;

import dev.quiver.driver.QuiverConf;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Spark's RuntimeConfig: the session's settings, readable and settable at runtime. Reading a Spark SQL setting
 * that was not set gives its default, as Spark's {@code SQLConf.getConfString} does: the value Quiver uses, in
 * the text form Spark prints (sizes in bytes with a {@code b}, e.g. {@code 10485760b}). The defaults are listed
 * in {@link #DEFAULTS}; a key without a value and without a default is Spark's SQL_CONF_NOT_FOUND error.
 */
public final class RuntimeConfig {
  /**
   * Defaults of the Spark SQL settings Quiver follows, in Spark 4.0's text form (SQLConf: bytesConf values read
   * back as bytes with a {@code b} suffix). {@code spark.sql.shuffle.partitions} has no entry on purpose: unset,
   * Quiver sizes shuffles from the data (as Spark's adaptive execution coalesces its 200), and reporting "200"
   * would make a save-and-restore of the setting pin 200 partitions.
   */
  static final Map<String, Supplier<String>> DEFAULTS;

  static {
    Map<String, Supplier<String>> d = new TreeMap<>();
    d.put(QuiverConf.ANSI_ENABLED, () -> "true");
    d.put(QuiverConf.CASE_SENSITIVE, () -> "false");
    d.put(QuiverConf.SESSION_TIME_ZONE, () -> ZoneId.systemDefault().getId());
    d.put(QuiverConf.BROADCAST_THRESHOLD, () -> (10L << 20) + "b");
    d.put(QuiverConf.MAX_PARTITION_BYTES, () -> (128L << 20) + "b");
    d.put(QuiverConf.OPEN_COST_IN_BYTES, () -> (4L << 20) + "b");
    d.put(QuiverConf.DEFAULT_SOURCE, () -> "parquet");
    d.put(QuiverConf.EXCHANGE_REUSE, () -> "true");
    // Spark 3.x's default is false; Quiver's runtime filters are on unless turned off.
    d.put(QuiverConf.RUNTIME_FILTER_SEMI_JOIN, () -> "true");
    // The directory the session's warehouse uses (Spark prints it qualified, as file:/...; Quiver keeps a plain
    // path so that the value can be handed back to a builder).
    d.put(QuiverConf.WAREHOUSE_DIR, () -> Paths.get("spark-warehouse").toAbsolutePath().normalize().toString());
    DEFAULTS = java.util.Collections.unmodifiableMap(d);
  }

  private final QuiverConf conf;

  RuntimeConfig(QuiverConf conf) {
    this.conf = conf;
  }

  /**
   * The value of a setting, or the default of a Spark SQL setting Quiver knows; otherwise a
   * NoSuchElementException with Spark's SQL_CONF_NOT_FOUND message.
   */
  public String get(String key) {
    return getOption(key).orElseThrow(() -> new ConfNotFound(key));
  }

  /** The value if set, else {@code defaultValue} (even for a setting with a built-in default, as in Spark). */
  public String get(String key, String defaultValue) {
    return conf.get(key, defaultValue);
  }

  /** The value, or the built-in default, if there is one. */
  public Optional<String> getOption(String key) {
    if (conf.contains(key)) {
      return Optional.of(conf.get(key));
    }
    Supplier<String> d = key == null ? null : DEFAULTS.get(key);
    return d == null ? Optional.empty() : Optional.of(d.get());
  }

  /** The settings that were set (defaults are not listed, as in Spark). */
  public Map<String, String> getAll() {
    return conf.all();
  }

  public void set(String key, String value) {
    conf.set(key, value);
  }

  public void set(String key, boolean value) {
    conf.set(key, Boolean.toString(value));
  }

  public void set(String key, long value) {
    conf.set(key, Long.toString(value));
  }

  public void unset(String key) {
    conf.unset(key);
  }

  public boolean isModifiable(String key) {
    return !key.equals(QuiverConf.MASTER) && !key.equals(QuiverConf.APP_NAME);
  }

  /** Whether the setting was set (a built-in default does not count, as in Spark). */
  public boolean contains(String key) {
    return conf.contains(key);
  }

  /** Spark's SparkNoSuchElementException for SQL_CONF_NOT_FOUND. */
  static final class ConfNotFound extends NoSuchElementException implements QuiverThrowable {
    private static final long serialVersionUID = 1L;

    ConfNotFound(String key) {
      super(ErrorMessages.format("SQL_CONF_NOT_FOUND", "The SQL config \"" + key + "\" cannot be found. Please "
          + "verify that the config exists.", "42K0I"));
    }

    @Override
    public String getErrorClass() {
      return "SQL_CONF_NOT_FOUND";
    }

    @Override
    public String getSqlState() {
      return "42K0I";
    }
  }
}
