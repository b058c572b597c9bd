package dev.quiver.driver.catalog;

import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The persistent catalog of tables saved with {@code saveAsTable}: data under {@code <warehouse>/<table>/},
 * metadata in {@code <warehouse>/_quiver_catalog/<table>.properties} (outside the data directory, so an
 * overwrite of the data never loses it). Survives sessions because it is just files; table names are
 * case-insensitive, in the {@code default} database.
 */
public final class Catalog {
  private static final String METADATA_DIR = "_quiver_catalog";

  private final Path warehouse;

  public Catalog(Path warehouse) {
    this.warehouse = warehouse.toAbsolutePath().normalize();
  }

  public Path warehouse() {
    return warehouse;
  }

  /**
   * {@code t}, {@code default.t} or {@code spark_catalog.default.t} (each part may be back-quoted) as the
   * table's canonical name: lower case, letters, digits and underscores.
   */
  public static String normalize(String name) {
    List<String> parts = new ArrayList<>(UnresolvedAttribute.parseNameParts(name.trim()));
    if (parts.size() == 3 && parts.get(0).equalsIgnoreCase("spark_catalog")) {
      parts.remove(0);
    }
    if (parts.size() == 2 && parts.get(0).equalsIgnoreCase("default")) {
      parts.remove(0);
    }
    if (parts.size() == 2 && parts.get(0).matches("[A-Za-z0-9_]+")) {
      throw new AnalysisException("SCHEMA_NOT_FOUND", "The schema `" + parts.get(0) + "` of table '" + name
          + "' cannot be found: Quiver's catalog has only the schema `default`.", "42704");
    }
    String lower = parts.size() == 1 ? parts.get(0).toLowerCase(Locale.ROOT) : "";
    if (!lower.matches("[a-z0-9_]+")) {
      throw new AnalysisException("INVALID_IDENTIFIER", "The table name '" + name + "' is invalid: use letters, "
          + "digits and underscores only.", "42602");
    }
    return lower;
  }

  public Path defaultLocation(String table) {
    return warehouse.resolve(normalize(table));
  }

  public synchronized Optional<TableMetadata> lookup(String table) {
    Path file = metadataFile(normalize(table));
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new QuiverException("Cannot read the catalog entry " + file + " of table " + table + ": "
          + e.getMessage() + ". Check the warehouse directory's permissions.", e);
    }
    List<String> partitions = new ArrayList<>();
    String pc = p.getProperty("partitionColumns", "");
    if (!pc.isEmpty()) {
      partitions.addAll(List.of(pc.split(",")));
    }
    Map<String, String> options = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("option.")) {
        options.put(key.substring("option.".length()), p.getProperty(key));
      }
    }
    return Optional.of(new TableMetadata(p.getProperty("name"), p.getProperty("format"), p.getProperty("location"),
        StructType.fromDDL(p.getProperty("schema")), partitions, options));
  }

  /** Records (or replaces) a table's metadata atomically. */
  public synchronized void save(TableMetadata t) {
    Properties p = new Properties();
    p.setProperty("name", t.name());
    p.setProperty("format", t.format());
    p.setProperty("location", t.location());
    p.setProperty("schema", t.schema().toDDL());
    p.setProperty("partitionColumns", String.join(",", t.partitionColumns()));
    for (Map.Entry<String, String> e : t.options().entrySet()) {
      p.setProperty("option." + e.getKey(), e.getValue());
    }
    Path file = metadataFile(normalize(t.name()));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "Quiver table " + t.name());
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QuiverException("Cannot write the catalog entry of table " + t.name() + " under " + warehouse
          + ": " + e.getMessage() + ". Check that the warehouse directory is writable.", e);
    }
  }

  public synchronized void drop(String table) {
    try {
      Files.deleteIfExists(metadataFile(normalize(table)));
    } catch (IOException e) {
      throw new QuiverException("Cannot drop table " + table + ": " + e.getMessage(), e);
    }
  }

  public synchronized List<String> tableNames() {
    Path dir = warehouse.resolve(METADATA_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
          .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
    } catch (IOException e) {
      throw new QuiverException("Cannot list the tables of " + warehouse + ": " + e.getMessage(), e);
    }
  }

  private Path metadataFile(String normalized) {
    return warehouse.resolve(METADATA_DIR).resolve(normalized + ".properties");
  }

  public static AnalysisException tableNotFound(String name) {
    return new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", "The table or view `" + name + "` cannot be found. "
        + "Verify the spelling and correctness of the schema and catalog. To tolerate the error on drop use DROP "
        + "VIEW IF EXISTS or DROP TABLE IF EXISTS.", "42P01");
  }

  public static AnalysisException tableExists(String name) {
    return new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create table or view "
        + "`spark_catalog`.`default`.`" + normalize(name) + "` because it already exists. Choose a different "
        + "name, drop or replace the existing object, or write with mode(\"overwrite\") or mode(\"append\").",
        "42P07");
  }

}
