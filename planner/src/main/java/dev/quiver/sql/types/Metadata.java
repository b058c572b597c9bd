package dev.quiver.sql.types;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/** Free-form string metadata of a {@link StructField}; usually empty. */
public final class Metadata implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Metadata EMPTY = new Metadata(Map.of());

  private final Map<String, String> entries;

  private Metadata(Map<String, String> entries) {
    this.entries = Map.copyOf(entries);
  }

  public static Metadata empty() {
    return EMPTY;
  }

  public static Metadata of(Map<String, String> entries) {
    return entries.isEmpty() ? EMPTY : new Metadata(entries);
  }

  public boolean contains(String key) {
    return entries.containsKey(key);
  }

  public String getString(String key) {
    String v = entries.get(key);
    if (v == null) {
      throw new java.util.NoSuchElementException("No metadata key '" + key + "'");
    }
    return v;
  }

  public Map<String, String> asMap() {
    return entries;
  }

  public String json() {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
    }
    return sb.append('}').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metadata m && m.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return json();
  }
}
