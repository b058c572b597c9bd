package dev.quiver.formats.listing;

import dev.quiver.formats.commit.PartitionPaths;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;

/**
 * Finds partition columns in the directories that hold data files, as Spark's
 * {@code PartitioningUtils.parsePartitions}: walking up from each leaf directory to a base path, every
 * {@code name=value} directory is a column, and the walk stops at the first plain directory above a column.
 * All leaf directories must reach the same base and carry the same column names; column types are the
 * widest of the values' inferred types.
 */
final class PartitionDiscovery {
  private PartitionDiscovery() {}

  /** One leaf directory's columns: names unescaped, values still escaped as in the path. */
  private record Parsed(Path leafDir, List<String> names, List<String> rawValues, List<DataType> types, Path base) {
    boolean hasColumns() {
      return !names.isEmpty();
    }
  }

  /** The partition values of one leaf directory. */
  record PartitionDir(Path dir, List<Object> values, Map<String, String> rawValues) {}

  /** The discovered columns (empty when not partitioned) and, per partitioned leaf directory, its values. */
  record Result(StructType schema, Map<Path, PartitionDir> partitions) {
    static Result none() {
      return new Result(new StructType(), Map.of());
    }

    boolean isPartitioned() {
      return schema.length() > 0;
    }
  }

  static Result discover(List<Path> leafDirs, Set<Path> basePaths, DiscoverySettings settings, ZoneId zone) {
    Map<String, DataType> userTypes = new LinkedHashMap<>();
    Map<String, String> userNames = new LinkedHashMap<>();
    if (settings.userSchema() != null) {
      for (StructField f : settings.userSchema().fieldList()) {
        userTypes.put(key(f.name(), settings.caseSensitive()), f.dataType());
        userNames.put(key(f.name(), settings.caseSensitive()), f.name());
      }
    }
    List<Parsed> parsed = new ArrayList<>();
    for (Path dir : leafDirs) {
      Parsed p = parse(dir, basePaths, settings, userTypes);
      if (p != null) {
        parsed.add(p);
      }
    }
    List<Parsed> withColumns = parsed.stream().filter(Parsed::hasColumns).toList();
    if (withColumns.isEmpty()) {
      return Result.none();
    }
    checkSingleBase(parsed);
    checkSameColumns(withColumns, settings.caseSensitive());

    Parsed first = withColumns.get(0);
    int columns = first.names().size();
    List<StructField> fields = new ArrayList<>(columns);
    List<DataType> types = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
      String name = first.names().get(i);
      String k = key(name, settings.caseSensitive());
      DataType type = userTypes.get(k);
      if (type == null) {
        type = first.types().get(i);
        for (Parsed p : withColumns) {
          type = PartitionValueTypes.wider(type, p.types().get(i));
        }
      }
      types.add(type);
      // Partition columns are always nullable: a later write may add a null (default) partition.
      fields.add(new StructField(userNames.getOrDefault(k, name), type, true));
    }

    Map<Path, PartitionDir> partitions = new LinkedHashMap<>();
    for (Parsed p : withColumns) {
      List<Object> values = new ArrayList<>(columns);
      Map<String, String> raw = new LinkedHashMap<>();
      for (int i = 0; i < columns; i++) {
        String rawValue = p.rawValues().get(i);
        String column = fields.get(i).name();
        values.add(convert(types.get(i), rawValue, column, zone));
        raw.put(column, rawValue.equals(PartitionPaths.DEFAULT_PARTITION_NAME) ? null : PartitionPaths.unescape(rawValue));
      }
      partitions.put(p.leafDir(), new PartitionDir(p.leafDir(), Collections.unmodifiableList(values), raw));
    }
    return new Result(StructType.of(fields), Collections.unmodifiableMap(partitions));
  }

  private static Object convert(DataType type, String raw, String column, ZoneId zone) {
    try {
      return PartitionValueTypes.convert(type, raw, zone);
    } catch (IllegalArgumentException e) {
      throw new QuiverException("Failed to cast value `" + raw + "` to `" + type.simpleString()
          + "` for partition column `" + column + "`. Fix the directory name or give the column a type that "
          + "fits every value (for example string) in the schema.", e);
    }
  }

  private static String key(String name, boolean caseSensitive) {
    return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
  }

  /**
   * Walks from {@code leafDir} towards the root. Null for directories below a {@code _temporary} directory
   * (left behind by failed writes), which Spark ignores.
   */
  private static Parsed parse(Path leafDir, Set<Path> basePaths, DiscoverySettings settings,
      Map<String, DataType> userTypes) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    Path current = leafDir;
    boolean finished = current.getParent() == null;
    while (!finished) {
      if (current.getName().toLowerCase(Locale.ROOT).equals("_temporary")) {
        return null;
      }
      if (basePaths.contains(current)) {
        finished = true;
      } else {
        boolean column = parseColumn(current.getName(), settings, userTypes, names, values, types);
        // Stop at the first plain directory above a column; below any column, plain directories are skipped
        // (as in /table/a=1/sub/file).
        finished = (!column && !names.isEmpty()) || current.getParent() == null;
        if (!finished) {
          current = current.getParent();
        }
      }
    }
    if (names.isEmpty()) {
      return new Parsed(leafDir, List.of(), List.of(), List.of(), leafDir);
    }
    Collections.reverse(names);
    Collections.reverse(values);
    Collections.reverse(types);
    return new Parsed(leafDir, names, values, types, current);
  }

  private static boolean parseColumn(String dirName, DiscoverySettings settings, Map<String, DataType> userTypes,
      List<String> names, List<String> values, List<DataType> types) {
    int eq = dirName.indexOf('=');
    if (eq < 0) {
      return false;
    }
    String name = PartitionPaths.unescape(dirName.substring(0, eq));
    String raw = dirName.substring(eq + 1);
    if (name.isEmpty()) {
      throw new AnalysisException("Empty partition column name in directory '" + dirName
          + "'. Rename the directory to name=value or move it out of the table.");
    }
    if (raw.isEmpty()) {
      throw new AnalysisException("Empty partition column value in directory '" + dirName + "'. Null values are "
          + "written as " + name + "=" + PartitionPaths.DEFAULT_PARTITION_NAME + "; rename the directory.");
    }
    DataType userType = userTypes.get(key(name, settings.caseSensitive()));
    names.add(name);
    values.add(raw);
    types.add(userType != null ? userType : PartitionValueTypes.infer(raw, settings.typeInference()));
    return true;
  }

  private static void checkSingleBase(List<Parsed> parsed) {
    // Spark compares the discovered bases case-insensitively.
    Set<String> bases = new LinkedHashSet<>();
    for (Parsed p : parsed) {
      bases.add(p.base().toString().toLowerCase(Locale.ROOT));
    }
    if (bases.size() > 1) {
      String text = "Conflicting directory structures detected.\nSuspicious paths:\n\t"
          + String.join("\n\t", bases) + "\n"
          + "If provided paths are partition directories, please set \"basePath\" in the options of the data "
          + "source to specify the root directory of the table.\n"
          + "If there are multiple root directories, please load them separately and then union them.";
      throw new AnalysisException("CONFLICTING_DIRECTORY_STRUCTURES", text, "KD009");
    }
  }

  private static void checkSameColumns(List<Parsed> withColumns, boolean caseSensitive) {
    Set<List<String>> distinct = withColumns.stream()
        .map(p -> p.names().stream().map(n -> key(n, caseSensitive)).toList())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (distinct.size() <= 1) {
      return;
    }
    Map<List<String>, List<Path>> byNames = new LinkedHashMap<>();
    for (Parsed p : withColumns) {
      byNames.computeIfAbsent(p.names(), k -> new ArrayList<>()).add(p.leafDir());
    }
    List<String> lists = new ArrayList<>();
    int i = 0;
    for (List<String> names : byNames.keySet()) {
      lists.add("Partition column name list #" + i++ + ": " + String.join(", ", names));
    }
    // Shorter lists first: a directory with fewer columns usually holds files that belong deeper down.
    List<String> suspicious = byNames.entrySet().stream()
        .sorted((a, b) -> Integer.compare(a.getKey().size(), b.getKey().size()))
        .flatMap(e -> e.getValue().stream())
        .map(p -> "\t" + p)
        .toList();
    String text = "Conflicting partition column names detected:\n\t" + String.join("\n\t", lists) + "\n"
        + "For partitioned table directories, data files should only live in leaf directories.\n"
        + "And directories at the same level should have the same partition column name.\n"
        + "Please check the following directories for unexpected files or inconsistent partition column names:\n"
        + String.join("\n", suspicious);
    throw new AnalysisException("CONFLICTING_PARTITION_COLUMN_NAMES", text, "KD009");
  }
}
