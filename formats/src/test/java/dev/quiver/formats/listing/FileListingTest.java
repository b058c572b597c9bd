package dev.quiver.formats.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListingTest {
  @TempDir
  Path dir;

  private Path write(String relative) throws IOException {
    return write(relative, "x,y\n1,2\n");
  }

  private Path write(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static ListedFiles list(String... paths) {
    return FileListing.list(Arrays.asList(paths), FormatOptions.empty());
  }

  private static ListedFiles list(FormatOptions options, String... paths) {
    return FileListing.list(Arrays.asList(paths), options);
  }

  /** The listed files' paths relative to the temp dir. */
  private List<String> names(ListedFiles listed) {
    String prefix = "file:" + dir.toString() + "/";
    List<String> names = new ArrayList<>();
    for (FileInfo f : listed.files()) {
      assertTrue(f.path().startsWith(prefix), f.path());
      names.add(f.path().substring(prefix.length()));
    }
    return names;
  }

  @Test
  void singleFileHasQualifiedPathSizeAndTime() throws IOException {
    Path f = write("data.csv", "a\n1\n");
    ListedFiles listed = list(f.toString());
    assertEquals(1, listed.files().size());
    FileInfo info = listed.files().get(0);
    assertEquals("file:" + f, info.path());
    assertEquals(4, info.length());
    assertEquals(Files.getLastModifiedTime(f).toMillis(), info.modificationTime());
    assertEquals(new StructType(), listed.partitionSchema());
    assertEquals(List.of(), listed.partitionValues(0));
    assertEquals(List.of("file:" + f), listed.rootPaths());
  }

  @Test
  void directorySkipsHiddenAndMetadataFilesButKeepsEmptyFiles() throws IOException {
    write("t/b.csv");
    write("t/a.csv");
    write("t/empty.csv", "");
    write("t/_SUCCESS", "");
    write("t/.a.csv.crc");
    write("t/.DS_Store");
    write("t/_metadata");
    write("t/c.csv._COPYING_");
    write("t/_temporary/0/part-0.csv");
    write("t/.staging/part-1.csv");
    ListedFiles listed = list(dir.resolve("t").toString());
    assertEquals(List.of("t/a.csv", "t/b.csv", "t/empty.csv"), names(listed));
    assertEquals(0, listed.files().get(2).length());
  }

  @Test
  void hiddenFileGivenDirectlyIsSkippedAsInSpark() throws IOException {
    Path f = write("_hidden.csv");
    assertEquals(List.of(), list(f.toString()).files());
  }

  @Test
  void plainSubdirectoriesAreNotReadUnlessRecursiveFileLookup() throws IOException {
    write("t/top.csv");
    write("t/sub/nested.csv");
    write("t/sub/deeper/more.csv");
    assertEquals(List.of("t/top.csv"), names(list(dir.resolve("t").toString())));

    ListedFiles recursive = list(FormatOptions.empty().with("recursiveFileLookup", "true"), dir.resolve("t").toString());
    assertEquals(List.of("t/sub/deeper/more.csv", "t/sub/nested.csv", "t/top.csv"), names(recursive));
    assertEquals(0, recursive.partitionSchema().length());
  }

  @Test
  void recursiveFileLookupTurnsOffPartitionDiscovery() throws IOException {
    write("t/year=2024/a.csv");
    write("t/year=2023/b.csv");
    ListedFiles listed = list(FormatOptions.of(Map.of("RECURSIVEFILELOOKUP", "true")), dir.resolve("t").toString());
    assertEquals(List.of("t/year=2023/b.csv", "t/year=2024/a.csv"), names(listed));
    assertEquals(new StructType(), listed.partitionSchema());
    assertEquals(Map.of(), listed.files().get(0).partitionValues());
  }

  @Test
  void nestedPartitionsWithInferredTypes() throws IOException {
    write("t/year=2024/month=1/day=2024-01-15/city=Paris/a.csv");
    write("t/year=2024/month=12/day=2024-12-31/city=S%2FF/b.csv");
    write("t/year=2023/month=2/day=" + "__HIVE_DEFAULT_PARTITION__" + "/city=__HIVE_DEFAULT_PARTITION__/c.csv");
    ListedFiles listed = list(dir.resolve("t").toString());

    StructType expected = new StructType()
        .add("year", DataTypes.IntegerType, true)
        .add("month", DataTypes.IntegerType, true)
        .add("day", DataTypes.DateType, true)
        .add("city", DataTypes.StringType, true);
    assertEquals(expected, listed.partitionSchema());
    assertEquals(List.of(
        "t/year=2023/month=2/day=__HIVE_DEFAULT_PARTITION__/city=__HIVE_DEFAULT_PARTITION__/c.csv",
        "t/year=2024/month=1/day=2024-01-15/city=Paris/a.csv",
        "t/year=2024/month=12/day=2024-12-31/city=S%2FF/b.csv"), names(listed));

    assertEquals(Arrays.asList(2023, 2, null, null), listed.partitionValues(0));
    assertEquals(List.of(2024, 1, (int) LocalDate.of(2024, 1, 15).toEpochDay(), "Paris"), listed.partitionValues(1));
    assertEquals(List.of(2024, 12, (int) LocalDate.of(2024, 12, 31).toEpochDay(), "S/F"), listed.partitionValues(2));

    // FileInfo carries the unescaped text, in schema order, null for the default partition.
    Map<String, String> raw = listed.files().get(2).partitionValues();
    assertEquals(List.of("year", "month", "day", "city"), new ArrayList<>(raw.keySet()));
    assertEquals("S/F", raw.get("city"));
    assertEquals("2024-12-31", raw.get("day"));
    assertNull(listed.files().get(0).partitionValues().get("day"));
    assertTrue(listed.files().get(0).partitionValues().containsKey("day"));
  }

  @Test
  void timestampDecimalLongAndDoubleValues() throws IOException {
    write("t/ts=2024-01-15 10%3A30%3A00/big=12345678901234567890123/l=9999999999/d=1.5/a.csv");
    write("t/ts=2024-01-16/big=1/l=1/d=2/b.csv");
    ListedFiles listed = list(FormatOptions.empty().with("timeZone", "UTC"), dir.resolve("t").toString());
    StructType expected = new StructType()
        .add("ts", DataTypes.TimestampType, true)
        .add("big", new DecimalType(23, 0), true)
        .add("l", DataTypes.LongType, true)
        .add("d", DataTypes.DoubleType, true);
    assertEquals(expected, listed.partitionSchema());
    long ts = LocalDate.of(2024, 1, 15).atTime(10, 30).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    assertEquals(List.of(ts, new BigDecimal("12345678901234567890123"), 9999999999L, 1.5), listed.partitionValues(0));
    long midnight = LocalDate.of(2024, 1, 16).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    assertEquals(List.of(midnight, new BigDecimal("1"), 1L, 2.0), listed.partitionValues(1));
    assertEquals("2024-01-15 10:30:00", listed.files().get(0).partitionValues().get("ts"));
  }

  @Test
  void timeZoneOptionAppliesToTimestampValues() throws IOException {
    write("t/ts=2024-01-15 10%3A30%3A00/a.csv");
    ListedFiles listed = list(FormatOptions.empty().with("timeZone", "+02:00"), dir.resolve("t").toString());
    long ts = LocalDate.of(2024, 1, 15).atTime(8, 30).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    assertEquals(List.of(ts), listed.partitionValues(0));
  }

  @Test
  void conflictingValueTypesWidenLikeSpark() throws IOException {
    write("t/a=1/b=1/c=1/d=1/e=2024-01-01/f=1/x.csv");
    write("t/a=2.5/b=x/c=9999999999/d=__HIVE_DEFAULT_PARTITION__/e=2024-01-02 03%3A04%3A05/f=1.5/y.csv");
    write("t/a=3/b=2/c=3/d=__HIVE_DEFAULT_PARTITION__/e=2024-01-03/f=99999999999999999999/z.csv");
    ListedFiles listed = list(dir.resolve("t").toString());
    StructType expected = new StructType()
        .add("a", DataTypes.DoubleType, true)
        .add("b", DataTypes.StringType, true)
        .add("c", DataTypes.LongType, true)
        .add("d", DataTypes.IntegerType, true)
        .add("e", DataTypes.TimestampType, true)
        // A double never merges with a decimal (it would lose digits), so the column becomes a string.
        .add("f", DataTypes.StringType, true);
    assertEquals(expected, listed.partitionSchema());
    assertEquals(Arrays.asList(1.0, "1", 1L, 1), listed.partitionValues(0).subList(0, 4));
    assertEquals(Arrays.asList(2.5, "x", 9999999999L, null), listed.partitionValues(1).subList(0, 4));
    assertEquals("99999999999999999999", listed.partitionValues(2).get(5));
  }

  @Test
  void columnWithOnlyDefaultPartitionIsNullTypeAsInSpark4() throws IOException {
    write("t/p=__HIVE_DEFAULT_PARTITION__/a.csv");
    ListedFiles listed = list(dir.resolve("t").toString());
    assertEquals(new StructType().add("p", DataTypes.NullType, true), listed.partitionSchema());
    assertEquals(Arrays.asList((Object) null), listed.partitionValues(0));
  }

  @Test
  void timestampWithManyFractionDigitsIsAStringAsInSpark() throws IOException {
    // Spark's partition timestamp pattern is "yyyy-MM-dd HH:mm:ss[.S]": one fraction digit at most.
    write("t/ts=2024-01-15 10%3A30%3A00.5/a.csv");
    write("t2/ts=2024-01-15 10%3A30%3A00.123/a.csv");
    assertEquals(DataTypes.TimestampType, list(dir.resolve("t").toString()).partitionSchema().apply(0).dataType());
    ListedFiles t2 = list(dir.resolve("t2").toString());
    assertEquals(DataTypes.StringType, t2.partitionSchema().apply(0).dataType());
    assertEquals(List.of("2024-01-15 10:30:00.123"), t2.partitionValues(0));
  }

  @Test
  void invalidDateIsAString() throws IOException {
    write("t/d=2024-02-30/a.csv");
    assertEquals(DataTypes.StringType, list(dir.resolve("t").toString()).partitionSchema().apply(0).dataType());
  }

  @Test
  void underscoreColumnDirectoryIsAPartitionNotHidden() throws IOException {
    write("t/_col=1/a.csv");
    write("t/_col=2/b.csv");
    ListedFiles listed = list(dir.resolve("t").toString());
    assertEquals(new StructType().add("_col", DataTypes.IntegerType, true), listed.partitionSchema());
    assertEquals(2, listed.files().size());
  }

  @Test
  void escapedColumnNameIsUnescaped() throws IOException {
    write("t/a%3Db=x/f.csv");
    assertEquals("a=b", list(dir.resolve("t").toString()).partitionSchema().apply(0).name());
  }

  @Test
  void plainDirectoryBelowAPartitionIsPartOfIt() throws IOException {
    write("t/a=1/sub/f.csv");
    write("t/a=2/g.csv");
    ListedFiles listed = list(dir.resolve("t").toString());
    assertEquals(List.of("t/a=1/sub/f.csv", "t/a=2/g.csv"), names(listed));
    assertEquals(List.of(1), listed.partitionValues(0));
  }

  @Test
  void filesBesidePartitionDirectoriesAreNotReadAsInSpark() throws IOException {
    write("t/stray.csv");
    write("t/a=1/f.csv");
    assertEquals(List.of("t/a=1/f.csv"), names(list(dir.resolve("t").toString())));
  }

  @Test
  void partitionDirectoryGivenDirectlyHasNoColumnUnlessBasePathSet() throws IOException {
    write("t/a=1/b=x/f.csv");
    write("t/a=2/b=y/g.csv");
    ListedFiles direct = list(dir.resolve("t/a=1").toString());
    assertEquals(new StructType().add("b", DataTypes.StringType, true), direct.partitionSchema());

    FormatOptions withBase = FormatOptions.empty().with("basePath", dir.resolve("t").toString());
    ListedFiles based = list(withBase, dir.resolve("t/a=1").toString());
    assertEquals(new StructType().add("a", DataTypes.IntegerType, true).add("b", DataTypes.StringType, true),
        based.partitionSchema());
    assertEquals(List.of(1, "x"), based.partitionValues(0));

    ListedFiles file = list(dir.resolve("t/a=1/b=x/f.csv").toString());
    assertEquals(new StructType(), file.partitionSchema());
    ListedFiles fileBased = list(withBase, dir.resolve("t/a=1/b=x/f.csv").toString());
    assertEquals(List.of(1, "x"), fileBased.partitionValues(0));
  }

  @Test
  void badBasePathIsAnError() throws IOException {
    write("t/a=1/f.csv");
    Path other = Files.createDirectories(dir.resolve("other"));
    QuiverException notDir = assertThrows(QuiverException.class, () -> list(
        FormatOptions.empty().with("basePath", dir.resolve("t/a=1/f.csv").toString()), dir.resolve("t").toString()));
    assertTrue(notDir.getMessage().contains("Option 'basePath' must be a directory"), notDir.getMessage());
    QuiverException wrong = assertThrows(QuiverException.class, () -> list(
        FormatOptions.empty().with("basePath", other.toString()), dir.resolve("t").toString()));
    assertTrue(wrong.getMessage().startsWith("Wrong basePath file:" + other), wrong.getMessage());
  }

  @Test
  void globsExpandLikeHadoop() throws IOException {
    write("g/a1.csv");
    write("g/a2.csv");
    write("g/b1.csv");
    write("g/c1.txt");
    write("g/_b9.csv");
    String g = dir.resolve("g").toString();
    assertEquals(List.of("g/a1.csv", "g/a2.csv", "g/b1.csv"), names(list(g + "/*.csv")));
    assertEquals(List.of("g/a1.csv", "g/a2.csv"), names(list(g + "/a?.csv")));
    assertEquals(List.of("g/a1.csv", "g/b1.csv"), names(list(g + "/[ab]1.csv")));
    assertEquals(List.of("g/b1.csv", "g/c1.txt"), names(list(g + "/{b1.csv,c1.txt}")));
  }

  @Test
  void globOverPartitionDirectoriesNeedsBasePathForTheColumn() throws IOException {
    write("t/year=2023/a.csv");
    write("t/year=2024/b.csv");
    write("t/year=2025/c.csv");
    String glob = dir.resolve("t").toString() + "/year=202[34]";
    ListedFiles plain = list(glob);
    assertEquals(List.of("t/year=2023/a.csv", "t/year=2024/b.csv"), names(plain));
    assertEquals(new StructType(), plain.partitionSchema());
    ListedFiles based = list(FormatOptions.empty().with("basePath", dir.resolve("t").toString()), glob);
    assertEquals(new StructType().add("year", DataTypes.IntegerType, true), based.partitionSchema());
    assertEquals(List.of(2023), based.partitionValues(0));
    assertEquals(List.of(2024), based.partitionValues(1));
  }

  @Test
  void severalPathsAreUnionedAndSorted() throws IOException {
    Path b = write("u/b.csv");
    Path a = write("u/a.csv");
    write("v/c.csv");
    ListedFiles listed = list(b.toString(), dir.resolve("v").toString(), a.toString());
    assertEquals(List.of("u/a.csv", "u/b.csv", "v/c.csv"), names(listed));
    assertEquals(3, listed.rootPaths().size());
    assertEquals(listed.files().get(0).length() * 3, listed.totalBytes());
  }

  @Test
  void missingPathIsPathNotFound() {
    String missing = dir.resolve("nope/x.csv").toString();
    AnalysisException e = assertThrows(AnalysisException.class, () -> list(missing));
    assertEquals("[PATH_NOT_FOUND] Path does not exist: file:" + missing + ". SQLSTATE: 42K03", e.getMessage());
    assertEquals("PATH_NOT_FOUND", e.getErrorClass());
    assertEquals("42K03", e.getSqlState());
  }

  @Test
  void globMatchingNothingIsPathNotFound() throws IOException {
    write("g/a.csv");
    String glob = dir.resolve("g").toString() + "/*.parquet";
    AnalysisException e = assertThrows(AnalysisException.class, () -> list(glob));
    assertEquals("[PATH_NOT_FOUND] Path does not exist: file:" + glob + ". SQLSTATE: 42K03", e.getMessage());
  }

  @Test
  void differentColumnNamesAtTheSameLevelConflict() throws IOException {
    write("t/a=1/f.csv");
    write("t/b=2/g.csv");
    AnalysisException e = assertThrows(AnalysisException.class, () -> list(dir.resolve("t").toString()));
    assertEquals("CONFLICTING_PARTITION_COLUMN_NAMES", e.getErrorClass());
    assertTrue(e.getMessage().contains("Partition column name list #0: a"), e.getMessage());
    assertTrue(e.getMessage().contains("Partition column name list #1: b"), e.getMessage());
    assertTrue(e.getMessage().contains("\tfile:" + dir.resolve("t/a=1")), e.getMessage());
    assertTrue(e.getMessage().contains("\tfile:" + dir.resolve("t/b=2")), e.getMessage());
  }

  @Test
  void filesAtDifferentPartitionDepthsConflict() throws IOException {
    write("t/a=1/f.csv");
    write("t/a=1/b=2/g.csv");
    AnalysisException e = assertThrows(AnalysisException.class, () -> list(dir.resolve("t").toString()));
    assertEquals("CONFLICTING_PARTITION_COLUMN_NAMES", e.getErrorClass());
    assertTrue(e.getMessage().contains("data files should only live in leaf directories"), e.getMessage());
  }

  @Test
  void partitionAndPlainDirectoriesSideBySideConflict() throws IOException {
    write("t/a=1/f.csv");
    write("t/plain/g.csv");
    AnalysisException e = assertThrows(AnalysisException.class, () -> list(dir.resolve("t").toString()));
    assertEquals("CONFLICTING_DIRECTORY_STRUCTURES", e.getErrorClass());
    assertTrue(e.getMessage().startsWith("[CONFLICTING_DIRECTORY_STRUCTURES] Conflicting directory structures "
        + "detected.\nSuspicious paths:\n\t"), e.getMessage());
    assertTrue(e.getMessage().contains("file:" + dir.resolve("t/plain").toString().toLowerCase(java.util.Locale.ROOT)),
        e.getMessage());
    assertTrue(e.getMessage().contains("please set \"basePath\""), e.getMessage());
    assertTrue(e.getMessage().endsWith("SQLSTATE: KD009"), e.getMessage());
  }

  @Test
  void pathGlobFilterMatchesFileNamesOnly() throws IOException {
    write("t/p=1/a.csv");
    write("t/p=1/a.txt");
    write("t/p=2/b.txt");
    ListedFiles listed = list(FormatOptions.empty().with("pathGlobFilter", "*.csv"), dir.resolve("t").toString());
    assertEquals(List.of("t/p=1/a.csv"), names(listed));
    // The filter does not take part in discovery: p=2 still shaped the schema.
    assertEquals(new StructType().add("p", DataTypes.IntegerType, true), listed.partitionSchema());
  }

  @Test
  void userSchemaTypesPartitionColumns() throws IOException {
    write("t/P=01/a.csv");
    write("t/P=2/b.csv");
    StructType user = new StructType().add("x", DataTypes.StringType).add("p", DataTypes.StringType)
        .add(new StructField("unused", DataTypes.LongType, true));
    ListedFiles listed = FileListing.list(List.of(dir.resolve("t").toString()), FormatOptions.empty(),
        DiscoverySettings.defaults().withUserSchema(user));
    // The user's spelling and type win (case-insensitive match), so "01" keeps its leading zero.
    assertEquals(new StructType().add("p", DataTypes.StringType, true), listed.partitionSchema());
    assertEquals(List.of("01"), listed.partitionValues(0));
  }

  @Test
  void valueThatDoesNotFitTheUserTypeIsAnError() throws IOException {
    write("t/p=abc/a.csv");
    StructType user = new StructType().add("p", DataTypes.IntegerType);
    QuiverException e = assertThrows(QuiverException.class, () -> FileListing.list(
        List.of(dir.resolve("t").toString()), FormatOptions.empty(), DiscoverySettings.defaults().withUserSchema(user)));
    assertTrue(e.getMessage().startsWith("Failed to cast value `abc` to `int` for partition column `p`"),
        e.getMessage());
  }

  @Test
  void typeInferenceOffGivesStrings() throws IOException {
    write("t/a=1/b=__HIVE_DEFAULT_PARTITION__/f.csv");
    write("t/a=2/b=3/f.csv");
    ListedFiles listed = FileListing.list(List.of(dir.resolve("t").toString()), FormatOptions.empty(),
        DiscoverySettings.defaults().withTypeInference(false));
    assertEquals(new StructType().add("a", DataTypes.StringType, true).add("b", DataTypes.StringType, true),
        listed.partitionSchema());
    assertEquals(Arrays.asList("1", null), listed.partitionValues(0));
  }

  @Test
  void caseInsensitiveColumnNamesMatchAcrossDirectories() throws IOException {
    write("t/A=1/f.csv");
    write("t/a=2/g.csv");
    ListedFiles listed = list(dir.resolve("t").toString());
    assertEquals(1, listed.partitionSchema().length());
    AnalysisException e = assertThrows(AnalysisException.class, () -> FileListing.list(
        List.of(dir.resolve("t").toString()), FormatOptions.empty(),
        DiscoverySettings.defaults().withCaseSensitive(true)));
    assertEquals("CONFLICTING_PARTITION_COLUMN_NAMES", e.getErrorClass());
  }

  @Test
  void emptyPartitionValueIsAnError() throws IOException {
    write("t/a=/f.csv");
    AnalysisException e = assertThrows(AnalysisException.class, () -> list(dir.resolve("t").toString()));
    assertTrue(e.getMessage().contains("Empty partition column value in directory 'a='"), e.getMessage());
  }

  @Test
  void invalidTimeZoneOptionNamesTheOption() throws IOException {
    write("t/a.csv");
    QuiverException e = assertThrows(QuiverException.class,
        () -> list(FormatOptions.empty().with("timeZone", "Mars/Olympus"), dir.resolve("t").toString()));
    assertTrue(e.getMessage().contains("'timeZone'"), e.getMessage());
  }

  @Test
  void emptyDirectoryListsNothing() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    ListedFiles listed = list(dir.resolve("empty").toString());
    assertEquals(List.of(), listed.files());
    assertEquals(0, listed.totalBytes());
  }
}
