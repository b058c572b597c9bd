package dev.quiver.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswersTest {
  private static List<List<Object>> rows(List<?>... rows) {
    return Arrays.stream(rows).map(r -> List.<Object>copyOf(r)).toList();
  }

  @Test
  void sumsThatDifferInTheLastBitsAgree() {
    assertEquals(Optional.empty(), Answers.difference(
        rows(List.of("A", 0.1 + 0.2, 3L)), rows(List.of("A", 0.3, 3))));
  }

  @Test
  void integersOfDifferentJavaTypesAgree() {
    assertEquals(Optional.empty(), Answers.difference(rows(List.of(BigInteger.valueOf(7))), rows(List.of(7L))));
  }

  @Test
  void datesAgreeWhateverTheirJavaType() {
    assertEquals(Optional.empty(), Answers.difference(
        rows(List.of(Date.valueOf("1995-03-15"))), rows(List.of(LocalDate.of(1995, 3, 15)))));
  }

  @Test
  void aDifferentValueIsReportedWithItsPlace() {
    Optional<String> difference = Answers.difference(rows(List.of("A", 1.0)), rows(List.of("A", 1.001)));
    assertTrue(difference.orElseThrow().startsWith("row 0 column 1: expected 1.0 but got 1.001"), difference::get);
  }

  @Test
  void aDifferentOrderOrRowCountIsADifference() {
    assertTrue(Answers.difference(rows(List.of(1L), List.of(2L)), rows(List.of(2L), List.of(1L))).isPresent());
    assertTrue(Answers.difference(rows(List.of(1L)), rows()).orElseThrow().startsWith("expected 1 rows but got 0"));
  }
}
