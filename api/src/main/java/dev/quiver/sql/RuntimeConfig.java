package dev.quiver.sql;

import dev.quiver.driver.QuiverConf;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Spark's RuntimeConfig: the session's settings, readable and settable at runtime. */
public final class RuntimeConfig {
  private final QuiverConf conf;

  RuntimeConfig(QuiverConf conf) {
    this.conf = conf;
  }

  /** The value of a setting; fails naming the key if it is not set. */
  public String get(String key) {
    if (!conf.contains(key)) {
      throw new NoSuchElementException("[SQL_CONF_NOT_FOUND] The SQL config \"" + key + "\" cannot be found. "
          + "Please verify that the config exists, or read it with get(key, default).");
    }
    return conf.get(key);
  }

  public String get(String key, String defaultValue) {
    return conf.get(key, defaultValue);
  }

  public Optional<String> getOption(String key) {
    return conf.contains(key) ? Optional.of(conf.get(key)) : Optional.empty();
  }

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

  public boolean contains(String key) {
    return conf.contains(key);
  }
}
