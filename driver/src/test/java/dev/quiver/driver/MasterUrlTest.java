package dev.quiver.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.QuiverException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterUrlTest {
  @Test
  void local() {
    MasterUrl m = MasterUrl.parse("local");
    assertTrue(m.local());
    assertEquals(1, m.threads());
    assertEquals(1, m.maxFailures());
    assertEquals("local", m.url());
  }

  @Test
  void localWithThreads() {
    MasterUrl m = MasterUrl.parse("local[4]");
    assertTrue(m.local());
    assertEquals(4, m.threads());
    assertEquals(1, m.maxFailures());
    assertEquals(3, MasterUrl.parse(" local[3] ").threads());
  }

  @Test
  void localWithAllCores() {
    MasterUrl m = MasterUrl.parse("local[*]");
    assertEquals(Runtime.getRuntime().availableProcessors(), m.threads());
    assertEquals(2, MasterUrl.parse("local[*,2]").maxFailures());
  }

  @Test
  void localWithMaxFailures() {
    MasterUrl m = MasterUrl.parse("local[2,3]");
    assertEquals(2, m.threads());
    assertEquals(3, m.maxFailures());
    assertEquals(5, MasterUrl.parse("local[2, 5]").maxFailures());
  }

  @Test
  void cluster() {
    MasterUrl m = MasterUrl.parse("quiver://driver.example.com:7077");
    assertFalse(m.local());
    assertEquals("quiver://driver.example.com:7077", m.url());
    assertTrue(m.maxFailures() > 1, "cluster mode retries tasks");
    assertFalse(MasterUrl.parse("quiver://10.0.0.1:1").local());
  }

  @Test
  void badUrlsSayWhatIsAccepted() {
    for (String bad : List.of("", "yarn", "spark://h:7077", "local[", "local[]", "local[x]", "local[2,]",
        "local[-1]", "local2", "quiver:/h:1", "quiver://", "quiver://host", "quiver://host:", "quiver://host:port",
        "quiver://host:0", "quiver://host:70000", "quiver://:7077")) {
      QuiverException e = assertThrows(QuiverException.class, () -> MasterUrl.parse(bad), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'") || e.getMessage().contains(bad), e.getMessage());
      assertTrue(e.getMessage().contains("local[n]") || e.getMessage().contains("quiver://"), e.getMessage());
    }
  }

  @Test
  void zeroThreadsIsAnError() {
    QuiverException e = assertThrows(QuiverException.class, () -> MasterUrl.parse("local[0]"));
    assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
  }

  @Test
  void hugeNumbersAreAQuiverErrorNotARawNumberFormatException() {
    assertThrows(QuiverException.class, () -> MasterUrl.parse("local[99999999999]"));
    assertThrows(QuiverException.class, () -> MasterUrl.parse("local[2,99999999999]"));
  }
}
