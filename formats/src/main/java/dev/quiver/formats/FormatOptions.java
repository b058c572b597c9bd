package dev.quiver.formats;

import dev.quiver.sql.QuiverException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reader or writer options; keys are case-insensitive, as in Spark. Immutable. */
public final class FormatOptions {
  private static final FormatOptions EMPTY = new FormatOptions(Map.of());

  private final Map<String, String> byLowerKey;

  private FormatOptions(Map<String, String> options) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    this.byLowerKey = Collections.unmodifiableMap(m);
  }

  public static FormatOptions of(Map<String, String> options) {
    return options.isEmpty() ? EMPTY : new FormatOptions(options);
  }

  public static FormatOptions empty() {
    return EMPTY;
  }

  public FormatOptions with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(byLowerKey);
    m.put(key.toLowerCase(Locale.ROOT), value);
    return new FormatOptions(m);
  }

  public boolean contains(String key) {
    return byLowerKey.containsKey(key.toLowerCase(Locale.ROOT));
  }

  public String get(String key, String defaultValue) {
    return byLowerKey.getOrDefault(key.toLowerCase(Locale.ROOT), defaultValue);
  }

  /** The first present key among {@code keys} (for aliases such as sep/delimiter), else the default. */
  public String getAny(String defaultValue, String... keys) {
    for (String k : keys) {
      String v = byLowerKey.get(k.toLowerCase(Locale.ROOT));
      if (v != null) {
        return v;
      }
    }
    return defaultValue;
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = byLowerKey.get(key.toLowerCase(Locale.ROOT));
    if (v == null) {
      return defaultValue;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true")) {
      return true;
    }
    if (t.equals("false")) {
      return false;
    }
    throw new QuiverException("The option '" + key + "' must be true or false, but was '" + v + "'.");
  }

  public long getLong(String key, long defaultValue) {
    String v = byLowerKey.get(key.toLowerCase(Locale.ROOT));
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new QuiverException("The option '" + key + "' must be a whole number, but was '" + v + "'.");
    }
  }

  /** All options with lower-cased keys. */
  public Map<String, String> asMap() {
    return byLowerKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormatOptions f && f.byLowerKey.equals(byLowerKey);
  }

  @Override
  public int hashCode() {
    return byLowerKey.hashCode();
  }

  @Override
  public String toString() {
    return byLowerKey.toString();
  }
}
