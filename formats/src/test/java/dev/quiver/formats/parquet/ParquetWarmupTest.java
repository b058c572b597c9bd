package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class ParquetWarmupTest {
  /** The warm-up swallows its failures at session start, so a class it names going away must fail here. */
  @Test
  void initializesTheFirstReadsClassesWithoutError() {
    assertDoesNotThrow(ParquetWarmup::run);
  }
}
