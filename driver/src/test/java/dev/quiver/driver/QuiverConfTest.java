package dev.quiver.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.QuiverException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class QuiverConfTest {
  private static final String KEY = "spark.some.size";

  @Test
  void setGetUnsetAndAll() {
    QuiverConf conf = new QuiverConf(Map.of("b", "2", "a", "1"));
    assertEquals("1", conf.get("a"));
    assertEquals("dflt", conf.get("missing", "dflt"));
    assertThrows(NoSuchElementException.class, () -> conf.get("missing"));
    conf.set("c", "3");
    assertTrue(conf.contains("c"));
    assertEquals(List.of("a", "b", "c"), List.copyOf(conf.all().keySet()));
    conf.unset("c");
    assertFalse(conf.contains("c"));
    conf.all().put("x", "y");
    assertFalse(conf.contains("x"), "all() is a copy");
  }

  @Test
  void nullKeysAndValuesAreRejectedWithAMessage() {
    QuiverConf conf = new QuiverConf(Map.of());
    QuiverException e = assertThrows(QuiverException.class, () -> conf.set("k", null));
    assertTrue(e.getMessage().contains("must not be null"), e.getMessage());
    assertThrows(QuiverException.class, () -> conf.set(null, "v"));
  }

  @Test
  void typedGetters() {
    QuiverConf conf = new QuiverConf(Map.of("i", " 42 ", "neg", "-3", "t", "TRUE", "f", " false", "bad", "yes",
        "notInt", "4.5", "big", "3000000000"));
    assertEquals(42, conf.getInt("i", 0));
    assertEquals(-3, conf.getInt("neg", 0));
    assertEquals(7, conf.getInt("missing", 7));
    assertTrue(conf.getBoolean("t", false));
    assertFalse(conf.getBoolean("f", true));
    assertTrue(conf.getBoolean("missing", true));
    QuiverException e = assertThrows(QuiverException.class, () -> conf.getBoolean("bad", false));
    assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("'yes'"), e.getMessage());
    e = assertThrows(QuiverException.class, () -> conf.getInt("notInt", 0));
    assertTrue(e.getMessage().contains("notInt") && e.getMessage().contains("'4.5'"), e.getMessage());
    assertThrows(QuiverException.class, () -> conf.getInt("big", 0));
  }

  @Test
  void parseBytesForms() {
    assertEquals(10485760L, QuiverConf.parseBytes(KEY, "10485760"));
    assertEquals(10L << 20, QuiverConf.parseBytes(KEY, "10m"));
    assertEquals(10L << 20, QuiverConf.parseBytes(KEY, "10M"));
    assertEquals(10L << 20, QuiverConf.parseBytes(KEY, "10MB"));
    assertEquals(10L << 20, QuiverConf.parseBytes(KEY, "10mb"));
    assertEquals(2L << 30, QuiverConf.parseBytes(KEY, "2g"));
    assertEquals(2L << 30, QuiverConf.parseBytes(KEY, "2GB"));
    assertEquals(512L << 10, QuiverConf.parseBytes(KEY, "512k"));
    assertEquals(512L << 10, QuiverConf.parseBytes(KEY, "512kb"));
    assertEquals(3L << 40, QuiverConf.parseBytes(KEY, "3t"));
    assertEquals(100L, QuiverConf.parseBytes(KEY, "100b"));
    assertEquals(100L, QuiverConf.parseBytes(KEY, " 100 "));
    assertEquals(-1L, QuiverConf.parseBytes(KEY, "-1"));
    assertEquals(0L, QuiverConf.parseBytes(KEY, "0"));
  }

  @Test
  void badSizesNameTheSettingAndTheValue() {
    for (String bad : List.of("", "b", "mb", "ten", "1.5g", "10x", "10 gigs", "--1", "g10")) {
      QuiverException e = assertThrows(QuiverException.class, () -> QuiverConf.parseBytes(KEY, bad), bad);
      assertTrue(e.getMessage().contains(KEY) && e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void sizesThatOverflowALongAreRejected() {
    QuiverException e = assertThrows(QuiverException.class,
        () -> QuiverConf.parseBytes(KEY, "9999999999999g"));
    assertTrue(e.getMessage().contains(KEY), e.getMessage());
    assertThrows(QuiverException.class, () -> QuiverConf.parseBytes(KEY, "99999999999999999999"));
  }

  @Test
  void getBytesUsesTheDefaultWhenUnset() {
    QuiverConf conf = new QuiverConf(Map.of(QuiverConf.BROADCAST_THRESHOLD, "-1", QuiverConf.TASK_MEMORY, "2g"));
    assertEquals(-1L, conf.getBytes(QuiverConf.BROADCAST_THRESHOLD, 10L << 20));
    assertEquals(2L << 30, conf.getBytes(QuiverConf.TASK_MEMORY, 0));
    assertEquals(128L << 20, conf.getBytes(QuiverConf.MAX_PARTITION_BYTES, 128L << 20));
  }
}
