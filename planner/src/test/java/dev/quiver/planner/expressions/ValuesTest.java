package dev.quiver.planner.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Internal values compare and hash by content, binary fields inside arrays, structs and maps included. */
class ValuesTest {
  private static Object nested(int last) {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("k", new byte[] {1, (byte) last});
    return List.of(new byte[] {1, 2}, Arrays.asList(null, new byte[] {3}), map);
  }

  @Test
  void nestedBinaryValuesAreEqualAndHashAlikeByContent() {
    assertTrue(Values.equal(nested(9), nested(9)));
    assertEquals(Values.hash(nested(9)), Values.hash(nested(9)));
    assertFalse(Values.equal(nested(9), nested(8)));
    assertFalse(Values.equal(List.of(new byte[] {1}), List.of(new byte[] {1}, new byte[] {2})));
  }
}
