package dev.quiver.driver;

import dev.quiver.executor.task.TaskRunner;
import dev.quiver.sql.QuiverException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session settings by Spark's keys ({@code spark.sql.shuffle.partitions}, ...) plus Quiver's own
 * ({@code quiver.*}). Mutable at runtime like Spark's RuntimeConfig; readers parse on each get.
 */
public final class QuiverConf {
  public static final String APP_NAME = "spark.app.name";
  public static final String MASTER = "spark.master";
  public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  public static final String BROADCAST_THRESHOLD = "spark.sql.autoBroadcastJoinThreshold";
  public static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";
  public static final String CASE_SENSITIVE = "spark.sql.caseSensitive";
  public static final String ANSI_ENABLED = "spark.sql.ansi.enabled";
  public static final String WAREHOUSE_DIR = "spark.sql.warehouse.dir";
  public static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
  public static final String OPEN_COST_IN_BYTES = "spark.sql.files.openCostInBytes";
  public static final String DEFAULT_SOURCE = "spark.sql.sources.default";
  /** Whether a query computes an exchange once for all its uses (true, as Spark) or once per use. */
  public static final String EXCHANGE_REUSE = "spark.sql.exchange.reuse";
  /** Whether InjectRuntimeFilters runs (Spark's name for its semi-join form of runtime filters). */
  public static final String RUNTIME_FILTER_SEMI_JOIN = "spark.sql.optimizer.runtimeFilter.semiJoinReduction.enabled";
  public static final String TASK_MEMORY = "quiver.executor.memory";
  public static final String BATCH_SIZE = TaskRunner.BATCH_SIZE;
  public static final String TASK_MAX_FAILURES = "quiver.task.maxFailures";
  public static final String LOCAL_DIR = "quiver.local.dir";
  /**
   * Whether {@code local[n]} encodes each task to protobuf and decodes it before running it, as a worker
   * receives it (default false, or the JVM system property of the same name: the test suites set it).
   */
  public static final String LOCAL_ENCODE_TASKS = "quiver.local.encodeTasks";
  /** Whether one side of a shuffled join filters the rows the other side shuffles (JoinKeyFilters). */
  public static final String JOIN_KEY_FILTERS = "quiver.sql.joinKeyFilters.enabled";
  /** Whether a broadcast join's build keys filter the scan of its other input while the task runs. */
  public static final String SCAN_KEY_FILTERS = TaskRunner.SCAN_KEY_FILTERS;

  private final Map<String, String> values = new ConcurrentHashMap<>();

  public QuiverConf(Map<String, String> initial) {
    values.putAll(initial);
  }

  public void set(String key, String value) {
    if (key == null || value == null) {
      throw new QuiverException("Configuration keys and values must not be null (key " + key + ").");
    }
    values.put(key, value);
  }

  public void unset(String key) {
    values.remove(key);
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new java.util.NoSuchElementException(key);
    }
    return v;
  }

  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  public Map<String, String> all() {
    return new TreeMap<>(values);
  }

  public int getInt(String key, int defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new QuiverException("The setting " + key + " must be a whole number, but is '" + v + "'.");
    }
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return t.equals("true");
    }
    throw new QuiverException("The setting " + key + " must be true or false, but is '" + v + "'.");
  }

  /** Durations as Spark writes them: {@code 5000} (milliseconds), {@code 500ms}, {@code 5s}, {@code 1min}. */
  public long getDurationMillis(String key, long defaultMillis) {
    String v = values.get(key);
    if (v == null) {
      return defaultMillis;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)?")
        .matcher(v.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new QuiverException("The setting " + key + " must be a duration such as 5s or 500ms, but is '" + v
          + "'.");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    switch (unit) {
      case "s":
        return n * 1000;
      case "m":
      case "min":
        return n * 60_000;
      case "h":
        return n * 3_600_000;
      default:
        return n;
    }
  }

  /** Sizes as Spark writes them: {@code 10485760}, {@code 10m}, {@code 10MB}, {@code 2g}, {@code -1}. */
  public long getBytes(String key, long defaultValue) {
    String v = values.get(key);
    return v == null ? defaultValue : parseBytes(key, v);
  }

  public static long parseBytes(String key, String v) {
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("b") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("b")) {
      t = t.substring(0, t.length() - 1);
    }
    long mult = 1;
    if (!t.isEmpty()) {
      char unit = t.charAt(t.length() - 1);
      switch (unit) {
        case 'k':
          mult = 1L << 10;
          break;
        case 'm':
          mult = 1L << 20;
          break;
        case 'g':
          mult = 1L << 30;
          break;
        case 't':
          mult = 1L << 40;
          break;
        default:
          mult = 1;
      }
      if (mult != 1) {
        t = t.substring(0, t.length() - 1);
      }
    }
    try {
      return Math.multiplyExact(Long.parseLong(t.trim()), mult);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new QuiverException("The setting " + key + " must be a size such as 512m or 2g, but is '" + v + "'.");
    }
  }
}
