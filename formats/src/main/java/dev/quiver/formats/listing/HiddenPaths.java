package dev.quiver.formats.listing;

/**
 * Spark's rule for names that are not data ({@code HadoopFSUtils.shouldFilterOutPathName}): names starting
 * with {@code .} (checksums, {@code .DS_Store}, staging directories) or with {@code _} ({@code _SUCCESS},
 * {@code _temporary}, {@code _spark_metadata}), except {@code _} names containing {@code =} because those are
 * partition directories of a column whose name starts with an underscore; and names ending in
 * {@code ._COPYING_}, a file still being uploaded by {@code hadoop fs -put}. Parquet summary files
 * ({@code _metadata}, {@code _common_metadata}) are listed by Spark but never read as data, so they are hidden
 * here too.
 */
public final class HiddenPaths {
  private HiddenPaths() {}

  public static boolean isHidden(String name) {
    return (name.startsWith("_") && !name.contains("=")) || name.startsWith(".") || name.endsWith("._COPYING_");
  }
}
