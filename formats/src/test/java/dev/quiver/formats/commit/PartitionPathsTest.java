package dev.quiver.formats.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionPathsTest {
  @Test
  void escapesHiveCharacters() {
    assertEquals("plain value-1_2.3 ünï", PartitionPaths.escape("plain value-1_2.3 ünï"));
    assertEquals("a%2Fb%5Cc%3Ad%3De%25f%3Fg%23h%22i%27j%2Ak", PartitionPaths.escape("a/b\\c:d=e%f?g#h\"i'j*k"));
    assertEquals("%7Bx%5B%5D%5E", PartitionPaths.escape("{x[]^"));
    assertEquals("}<>|!$&()+,;@`~", PartitionPaths.escape("}<>|!$&()+,;@`~"));
    assertEquals("%01%09%0A%0D%1F%7F", PartitionPaths.escape("\u0001\t\n\r\u001f\u007f"));
    assertEquals("%2Fleading", PartitionPaths.escape("/leading"));
  }

  @Test
  void unescapeReversesEscapeAndToleratesStrayPercent() {
    String all = "a/b\\c:d=e%f?g#h\"i'j*k{[]^\u0001\n\u007f z";
    assertEquals(all, PartitionPaths.unescape(PartitionPaths.escape(all)));
    assertEquals("100%", PartitionPaths.unescape("100%"));
    assertEquals("%zz", PartitionPaths.unescape("%zz"));
    assertEquals("%4", PartitionPaths.unescape("%4"));
    assertEquals("A", PartitionPaths.unescape("%41"));
    assertEquals("a%b", PartitionPaths.unescape("a%25b"));
  }

  @Test
  void segmentsUseTheDefaultPartitionForNullAndEmpty() {
    assertEquals("a=1", PartitionPaths.segment("a", "1"));
    assertEquals("a=__HIVE_DEFAULT_PARTITION__", PartitionPaths.segment("a", null));
    assertEquals("a=__HIVE_DEFAULT_PARTITION__", PartitionPaths.segment("a", ""));
    assertEquals("a%3Db=c%3Dd", PartitionPaths.segment("a=b", "c=d"));
    assertThrows(IllegalArgumentException.class, () -> PartitionPaths.segment("", "x"));
  }

  @Test
  void valuesRenderAsSparkCastsThemToString() {
    ZoneId utc = ZoneOffset.UTC;
    int day = (int) LocalDate.of(2024, 1, 5).toEpochDay();
    long micros = LocalDate.of(2024, 1, 5).atTime(1, 2, 3).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    assertEquals("2024-01-05", PartitionPaths.valueString(day, DataTypes.DateType, utc));
    assertEquals("2024-01-05 01:02:03", PartitionPaths.valueString(micros, DataTypes.TimestampType, utc));
    assertEquals("2024-01-05 03:02:03.000123",
        PartitionPaths.valueString(micros + 123, DataTypes.TimestampType, ZoneId.of("+02:00")));
    assertEquals("2024-01-05 01:02:03", PartitionPaths.valueString(micros, DataTypes.TimestampNTZType,
        ZoneId.of("+05:00")));
    assertEquals("0.00000010", PartitionPaths.valueString(new BigDecimal("1.0E-7").setScale(8),
        new DecimalType(10, 8), utc));
    assertEquals("1.5", PartitionPaths.valueString(1.5, DataTypes.DoubleType, utc));
    assertEquals("7", PartitionPaths.valueString(7L, DataTypes.LongType, utc));
    assertEquals("true", PartitionPaths.valueString(true, DataTypes.BooleanType, utc));
    assertEquals("hi", PartitionPaths.valueString("hi".getBytes(StandardCharsets.UTF_8), DataTypes.BinaryType, utc));
    assertEquals(null, PartitionPaths.valueString(null, DataTypes.IntegerType, utc));
  }

  @Test
  void partitionDirJoinsSegments() {
    List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.StringType);
    assertEquals("y=2024/s=a%2Fb", PartitionPaths.partitionDir(List.of("y", "s"), types, List.of(2024, "a/b"),
        ZoneOffset.UTC));
    assertEquals("y=__HIVE_DEFAULT_PARTITION__/s=__HIVE_DEFAULT_PARTITION__",
        PartitionPaths.partitionDir(List.of("y", "s"), types, Arrays.asList(null, ""), ZoneOffset.UTC));
    assertEquals("", PartitionPaths.partitionDir(List.of(), List.of(), List.of(), ZoneOffset.UTC));
    assertThrows(IllegalArgumentException.class,
        () -> PartitionPaths.partitionDir(List.of("y"), types, List.of(1), ZoneOffset.UTC));
  }

  @Test
  void relativeDirectoriesAreChecked() {
    assertEquals("", PartitionPaths.checkRelativeDir(""));
    assertEquals("a=1/b=2", PartitionPaths.checkRelativeDir("a=1/b=2"));
    for (String bad : List.of("/a=1", "a=1/", "a=1//b=2", "..", "a=1/../b", ".")) {
      assertThrows(IllegalArgumentException.class, () -> PartitionPaths.checkRelativeDir(bad), bad);
    }
  }
}
