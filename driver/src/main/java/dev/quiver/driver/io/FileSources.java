package dev.quiver.driver.io;

import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.listing.DiscoverySettings;
import dev.quiver.formats.listing.FileListing;
import dev.quiver.formats.listing.ListedFiles;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code spark.read().format(f).load(paths)} into a {@link FileSource} when the DataFrame is
 * created, as Spark does: lists the files (globs, directories, partition directories) and infers or applies
 * the schema, so that a missing path or an unreadable file fails right away with a clear message.
 */
public final class FileSources {
  private FileSources() {}

  public static FileSource resolve(String format, List<String> paths, Map<String, String> options,
      StructType userSchema, ZoneId sessionZone, boolean caseSensitive) {
    if (paths.isEmpty()) {
      throw new AnalysisException("No path was given to read " + format + " from: pass at least one file or "
          + "directory to load(), csv() or parquet().");
    }
    FileFormat fmt = FileFormats.get(format);
    FormatOptions opts = FormatOptions.of(options);
    DiscoverySettings settings = DiscoverySettings.defaults().withSessionZone(sessionZone)
        .withCaseSensitive(caseSensitive);
    if (userSchema != null) {
      settings = settings.withUserSchema(userSchema);
    }
    ListedFiles listed = FileListing.list(paths, opts, settings);
    StructType partitionSchema = listed.partitionSchema();
    Set<String> partitionNames = new HashSet<>();
    for (StructField f : partitionSchema.fieldList()) {
      partitionNames.add(caseSensitive ? f.name() : f.name().toLowerCase(Locale.ROOT));
    }
    StructType dataSchema;
    if (userSchema != null) {
      List<StructField> data = new ArrayList<>();
      for (StructField f : userSchema.fieldList()) {
        if (!partitionNames.contains(caseSensitive ? f.name() : f.name().toLowerCase(Locale.ROOT))) {
          data.add(f);
        }
      }
      dataSchema = StructType.of(data);
    } else {
      List<FileInfo> nonEmpty = new ArrayList<>();
      for (FileInfo f : listed.files()) {
        if (f.length() > 0) {
          nonEmpty.add(f);
        }
      }
      if (nonEmpty.isEmpty() && !fmt.name().equals("csv")) {
        throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for "
            + displayName(fmt.name()) + " at " + String.join(", ", paths)
            + ": there are no data files. It must be specified manually with schema(...).", "42KD9");
      }
      dataSchema = fmt.inferSchema(nonEmpty.isEmpty() ? listed.files() : nonEmpty, opts);
      List<StructField> data = new ArrayList<>();
      for (StructField f : dataSchema.fieldList()) {
        if (!partitionNames.contains(caseSensitive ? f.name() : f.name().toLowerCase(Locale.ROOT))) {
          data.add(f);
        }
      }
      dataSchema = StructType.of(data);
    }
    List<FileSource.SourceFile> files = new ArrayList<>();
    for (int i = 0; i < listed.files().size(); i++) {
      FileInfo f = listed.files().get(i);
      files.add(new FileSource.SourceFile(f.path(), f.length(), listed.partitionValues(i)));
    }
    return new FileSource(fmt.name(), paths, options, dataSchema, partitionSchema, files);
  }

  private static String displayName(String format) {
    return format.equals("parquet") ? "Parquet" : format.toUpperCase(Locale.ROOT);
  }
}
