package dev.quiver.formats.listing;

import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.HadoopFs;
import dev.quiver.formats.LocalFiles;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;

/**
 * Lists the data files of a read as Spark's {@code DataSource} + {@code InMemoryFileIndex} do.
 *
 * <ul>
 *   <li>Each path is a file, a directory or a glob ({@code * ? [ab] {a,b}}, Hadoop's {@code globStatus}). A
 *       missing path or a glob matching nothing is {@code [PATH_NOT_FOUND]}.
 *   <li>Hidden names are skipped at every level ({@link HiddenPaths}); a hidden name given directly as a file
 *       path is skipped too, as in Spark.
 *   <li>Directories are listed recursively and partition columns discovered from {@code name=value}
 *       directories ({@link PartitionDiscovery}). As in Spark, a non-partitioned read returns only the files
 *       directly inside each given directory, not those in plain subdirectories, unless
 *       {@code recursiveFileLookup} is true (which turns partition discovery off); a partitioned read returns
 *       the files of the partition directories, and files beside the partition directories of the base are
 *       not read.
 *   <li>Options: {@code basePath} (the directory partition discovery starts from), {@code recursiveFileLookup},
 *       {@code pathGlobFilter} (a glob on file names; it does not affect partition discovery),
 *       {@code ignoreMissingFiles} (a directory deleted while being listed is skipped instead of failing),
 *       {@code timeZone} (for timestamp partition values).
 * </ul>
 *
 * Empty files are kept (they are valid, just without rows); {@link FileSplits} leaves them out of the scan as
 * Spark does. Results are sorted by path.
 */
public final class FileListing {
  public static final String BASE_PATH = "basePath";
  public static final String RECURSIVE_FILE_LOOKUP = "recursiveFileLookup";
  public static final String PATH_GLOB_FILTER = "pathGlobFilter";
  public static final String IGNORE_MISSING_FILES = "ignoreMissingFiles";
  public static final String TIME_ZONE = "timeZone";

  private FileListing() {}

  /** Lists with Spark's default session settings (type inference on, case-insensitive, the JVM's zone). */
  public static ListedFiles list(List<String> paths, FormatOptions options) {
    return list(paths, options, DiscoverySettings.defaults());
  }

  public static ListedFiles list(List<String> paths, FormatOptions options, DiscoverySettings settings) {
    boolean recursive = options.getBoolean(RECURSIVE_FILE_LOOKUP, false);
    boolean ignoreMissing = options.getBoolean(IGNORE_MISSING_FILES, false);
    GlobFilter nameFilter = nameFilter(options.get(PATH_GLOB_FILTER, null));
    ZoneId zone = zone(options.get(TIME_ZONE, null), settings.sessionZone());

    List<Path> roots = resolveRootPaths(paths);
    LeafFiles leaves = LeafFiles.list(roots, ignoreMissing);

    PartitionDiscovery.Result partitions = PartitionDiscovery.Result.none();
    if (!recursive) {
      Set<Path> basePaths = basePaths(options.get(BASE_PATH, null), roots, leaves);
      partitions = PartitionDiscovery.discover(leaves.directories(), basePaths, settings, zone);
    }

    List<Selected> selected = new ArrayList<>();
    if (recursive) {
      for (FileStatus f : leaves.files()) {
        selected.add(new Selected(f, null));
      }
    } else if (!partitions.isPartitioned()) {
      // Spark reads the files directly inside each given directory (or the given file itself), once per
      // given path: reading the same path twice reads its files twice.
      for (Path root : roots) {
        List<FileStatus> children = leaves.childrenOf(root);
        if (children != null) {
          children.forEach(f -> selected.add(new Selected(f, null)));
        } else if (leaves.file(root) != null) {
          selected.add(new Selected(leaves.file(root), null));
        }
      }
    } else {
      for (PartitionDiscovery.PartitionDir dir : partitions.partitions().values()) {
        for (FileStatus f : leaves.childrenOf(dir.dir())) {
          selected.add(new Selected(f, dir));
        }
      }
    }
    if (nameFilter != null) {
      selected.removeIf(s -> !nameFilter.accept(s.status().getPath()));
    }
    selected.sort(Comparator.comparing(s -> s.status().getPath().toString()));

    List<FileInfo> files = new ArrayList<>(selected.size());
    List<List<Object>> values = new ArrayList<>(selected.size());
    for (Selected s : selected) {
      FileStatus st = s.status();
      Map<String, String> raw = s.partition() == null ? Map.of() : s.partition().rawValues();
      files.add(new FileInfo(st.getPath().toString(), st.getLen(), st.getModificationTime(), raw));
      values.add(s.partition() == null ? List.of() : s.partition().values());
    }
    List<String> rootStrings = roots.stream().map(Path::toString).toList();
    return new ListedFiles(rootStrings, files, partitions.schema(), values);
  }

  private record Selected(FileStatus status, PartitionDiscovery.PartitionDir partition) {}

  /**
   * Qualifies each path and expands globs, as Spark's {@code DataSource.checkAndGlobPathIfNecessary}: a glob
   * that matches nothing and a plain path that does not exist are {@code [PATH_NOT_FOUND]} errors.
   */
  public static List<Path> resolveRootPaths(List<String> paths) {
    List<Path> roots = new ArrayList<>();
    for (String p : paths) {
      Path qualified = qualify(HadoopFs.path(p));
      try {
        if (isGlob(p)) {
          FileSystem fs = HadoopFs.fs(qualified);
          FileStatus[] matches = fs.globStatus(qualified);
          if (matches == null || matches.length == 0) {
            throw pathNotFound(qualified);
          }
          for (FileStatus m : matches) {
            roots.add(fs.makeQualified(m.getPath()));
          }
        } else {
          if (!exists(qualified)) {
            throw pathNotFound(qualified);
          }
          roots.add(qualified);
        }
      } catch (IOException e) {
        throw new QuiverException("Cannot read the path " + qualified + ": " + e.getMessage()
            + ". Check that it exists and is readable.", e);
      }
    }
    return roots;
  }

  // Local paths go through java.nio (LocalFiles): a first read then starts no Hadoop FileSystem. Globs keep
  // Hadoop's globStatus, whose pattern syntax Spark users rely on.

  private static Path qualify(Path path) {
    return LocalFiles.isLocal(path) ? LocalFiles.qualify(path) : HadoopFs.fs(path).makeQualified(path);
  }

  private static boolean exists(Path qualified) throws IOException {
    return LocalFiles.isLocal(qualified) ? LocalFiles.exists(qualified) : HadoopFs.fs(qualified).exists(qualified);
  }

  private static FileStatus status(Path qualified) throws IOException {
    return LocalFiles.isLocal(qualified) ? LocalFiles.status(qualified)
        : HadoopFs.fs(qualified).getFileStatus(qualified);
  }

  private static FileStatus[] listStatus(Path dir) throws IOException {
    return LocalFiles.isLocal(dir) ? LocalFiles.list(dir) : HadoopFs.fs(dir).listStatus(dir);
  }

  /** Spark's test for a glob: any of {@code { } [ ] * ? \}. */
  static boolean isGlob(String path) {
    for (int i = 0; i < path.length(); i++) {
      if ("{}[]*?\\".indexOf(path.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  static AnalysisException pathNotFound(Path path) {
    return new AnalysisException("PATH_NOT_FOUND", "Path does not exist: " + path + ".", "42K03");
  }

  private static GlobFilter nameFilter(String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      return new GlobFilter(pattern);
    } catch (IOException e) {
      throw new QuiverException("The option 'pathGlobFilter' is not a valid glob: '" + pattern + "' ("
          + e.getMessage() + "). Use *, ?, [abc] and {a,b} patterns on file names.", e);
    }
  }

  private static ZoneId zone(String option, ZoneId session) {
    if (option == null) {
      return session;
    }
    try {
      return ZoneId.of(option);
    } catch (DateTimeException e) {
      throw new QuiverException("The option 'timeZone' is not a valid time zone: '" + option
          + "'. Use a region such as 'America/Los_Angeles' or an offset such as '+01:00'.", e);
    }
  }

  /**
   * Where partition discovery stops: the {@code basePath} option, which must be a directory above every
   * given path; otherwise each given directory (or the directory of each given file), so that reading
   * {@code /t/a=1} alone does not produce a column {@code a}.
   */
  private static Set<Path> basePaths(String basePath, List<Path> roots, LeafFiles leaves) {
    Set<Path> result = new LinkedHashSet<>();
    if (basePath != null) {
      Path qualified = qualify(HadoopFs.path(basePath));
      boolean isDir;
      try {
        isDir = status(qualified).isDirectory();
      } catch (FileNotFoundException e) {
        isDir = false;
      } catch (IOException e) {
        throw new QuiverException("Cannot read the basePath " + qualified + ": " + e.getMessage(), e);
      }
      if (!isDir) {
        throw new QuiverException("Option 'basePath' must be a directory, but " + qualified
            + " is not. Set it to the root directory of the partitioned table.");
      }
      String prefix = qualified.toString();
      for (Path root : roots) {
        if (!root.toString().startsWith(prefix)) {
          throw new QuiverException("Wrong basePath " + qualified + " for the root path: " + root
              + ". The basePath must be a directory that contains every path being read.");
        }
      }
      result.add(qualified);
      return result;
    }
    for (Path root : roots) {
      result.add(leaves.file(root) != null ? root.getParent() : root);
    }
    return result;
  }

  /** The non-hidden files below the roots, grouped by directory. */
  private static final class LeafFiles {
    private final Map<Path, FileStatus> files = new LinkedHashMap<>();
    private final Map<Path, List<FileStatus>> byDirectory = new LinkedHashMap<>();
    private final boolean ignoreMissing;

    private LeafFiles(boolean ignoreMissing) {
      this.ignoreMissing = ignoreMissing;
    }

    static LeafFiles list(List<Path> roots, boolean ignoreMissing) {
      LeafFiles leaves = new LeafFiles(ignoreMissing);
      for (Path root : new LinkedHashSet<>(roots)) {
        leaves.walk(root, true);
      }
      for (FileStatus f : leaves.files.values()) {
        leaves.byDirectory.computeIfAbsent(f.getPath().getParent(), k -> new ArrayList<>()).add(f);
      }
      return leaves;
    }

    private void walk(Path dir, boolean isRoot) {
      FileStatus[] children;
      try {
        // For a file, listStatus returns the file itself, which is then filtered like any other name.
        children = listStatus(dir);
      } catch (FileNotFoundException e) {
        // A root was checked to exist a moment ago; Spark ignores it vanishing. A subdirectory vanishing
        // means a concurrent writer, which fails the read unless the user opted out.
        if (isRoot || ignoreMissing) {
          return;
        }
        throw new QuiverException("The directory " + dir + " was deleted while it was being listed, probably "
            + "by a concurrent write. Retry the read, or set the option ignoreMissingFiles to true to skip it.", e);
      } catch (IOException e) {
        throw new QuiverException("Cannot list " + dir + ": " + e.getMessage(), e);
      }
      Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
      for (FileStatus child : children) {
        if (HiddenPaths.isHidden(child.getPath().getName())) {
          continue;
        }
        if (child.isDirectory()) {
          walk(child.getPath(), false);
        } else {
          files.putIfAbsent(child.getPath(), child);
        }
      }
    }

    List<FileStatus> files() {
      return new ArrayList<>(files.values());
    }

    FileStatus file(Path path) {
      return files.get(path);
    }

    List<FileStatus> childrenOf(Path dir) {
      return byDirectory.get(dir);
    }

    List<Path> directories() {
      List<Path> dirs = new ArrayList<>(byDirectory.keySet());
      dirs.sort(Comparator.comparing(Path::toString));
      return dirs;
    }
  }
}
