package dev.quiver.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  @TempDir
  Path warehouse;

  @Test
  void normalizeAcceptsTheDefaultSchemaInEveryForm() {
    assertEquals("sales", Catalog.normalize("sales"));
    assertEquals("sales", Catalog.normalize("  Sales "));
    assertEquals("sales_2024", Catalog.normalize("SALES_2024"));
    assertEquals("sales", Catalog.normalize("default.sales"));
    assertEquals("sales", Catalog.normalize("DEFAULT.Sales"));
    assertEquals("sales", Catalog.normalize("spark_catalog.default.sales"));
    assertEquals("sales", Catalog.normalize("Spark_Catalog.Default.SALES"));
    assertEquals("sales", Catalog.normalize("`sales`"));
    assertEquals("sales", Catalog.normalize("`default`.`sales`"));
    assertEquals("sales", Catalog.normalize("`spark_catalog`.`default`.`sales`"));
    assertEquals("default", Catalog.normalize("default"), "a table may be called default");
  }

  @Test
  void normalizeRejectsInvalidNames() {
    for (String bad : List.of("", "  ", "my-table", "my table", "t.", ".t", "a.b.c", "x.default.t",
        "spark_catalog.t", "sales;drop", "../etc", "`unclosed", "default.", "caf\u00e9")) {
      AnalysisException e = assertThrows(AnalysisException.class, () -> Catalog.normalize(bad), bad);
      assertTrue(e.getMessage().contains(bad.isEmpty() ? "''" : bad.trim()) || e.getMessage().contains("backquote"),
          e.getMessage());
    }
    AnalysisException e = assertThrows(AnalysisException.class, () -> Catalog.normalize("my-table"));
    assertEquals("INVALID_IDENTIFIER", e.getErrorClass());
  }

  @Test
  void anotherSchemaIsNotFound() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> Catalog.normalize("sales_db.orders"));
    assertEquals("SCHEMA_NOT_FOUND", e.getErrorClass());
    assertTrue(e.getMessage().contains("sales_db"), e.getMessage());
  }

  private static TableMetadata orders(String name) {
    StructType schema = StructType.fromDDL("id BIGINT NOT NULL, `odd name` STRING, amount DECIMAL(12,2), "
        + "tags ARRAY<STRING>, attrs MAP<STRING,INT>, addr STRUCT<city: STRING, zip: INT>, day DATE, "
        + "ts TIMESTAMP, flag BOOLEAN, ratio DOUBLE, region STRING");
    return new TableMetadata(name, "parquet", "file:/data/warehouse/orders", schema, List.of("region"),
        Map.of("compression", "zstd", "weird key=x", "a:b=c\\d\u00e9"));
  }

  @Test
  void saveThenLookupRoundTripsEverything() {
    Catalog catalog = new Catalog(warehouse);
    TableMetadata t = orders("orders");
    catalog.save(t);
    TableMetadata back = catalog.lookup("orders").orElseThrow();
    assertEquals(t, back);
    assertEquals(t.schema().toDDL(), back.schema().toDDL());
    assertEquals(DataTypes.createDecimalType(12, 2), back.schema().apply("amount").dataType());
    assertFalse(back.schema().apply("id").nullable());
    assertEquals("a:b=c\\d\u00e9", back.options().get("weird key=x"));
    assertEquals(t, catalog.lookup("DEFAULT.Orders").orElseThrow());
    assertEquals(t, catalog.lookup("spark_catalog.default.orders").orElseThrow());
  }

  @Test
  void aTableWithoutPartitionsOrOptions() {
    Catalog catalog = new Catalog(warehouse);
    TableMetadata t = new TableMetadata("plain", "csv", warehouse.resolve("plain").toUri().toString(),
        new StructType().add("a", DataTypes.IntegerType), List.of(), Map.of());
    catalog.save(t);
    assertEquals(t, catalog.lookup("plain").orElseThrow());
  }

  @Test
  void aNameSavedInMixedCaseIsFoundInAnyCase() {
    Catalog catalog = new Catalog(warehouse);
    catalog.save(orders("Orders"));
    assertTrue(catalog.lookup("orders").isPresent());
    assertTrue(catalog.lookup("ORDERS").isPresent());
    assertEquals(List.of("orders"), catalog.tableNames());
  }

  @Test
  void saveReplacesAndLeavesNoTemporaryFiles() throws Exception {
    Catalog catalog = new Catalog(warehouse);
    catalog.save(orders("orders"));
    TableMetadata csv = new TableMetadata("orders", "csv", "file:/elsewhere",
        new StructType().add("x", DataTypes.StringType), List.of(), Map.of("header", "true"));
    catalog.save(csv);
    assertEquals(csv, catalog.lookup("orders").orElseThrow());
    try (var files = Files.list(warehouse.resolve("_quiver_catalog"))) {
      assertEquals(List.of("orders.properties"), files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void lookupOfAMissingTableIsEmpty() {
    Catalog catalog = new Catalog(warehouse);
    assertTrue(catalog.lookup("nothing").isEmpty());
    assertEquals(List.of(), catalog.tableNames());
  }

  @Test
  void tableNamesAreSortedAndDropRemovesOne() {
    Catalog catalog = new Catalog(warehouse);
    catalog.save(orders("zeta"));
    catalog.save(orders("alpha"));
    catalog.save(orders("mid"));
    assertEquals(List.of("alpha", "mid", "zeta"), catalog.tableNames());
    catalog.drop("default.MID");
    assertEquals(List.of("alpha", "zeta"), catalog.tableNames());
    assertTrue(catalog.lookup("mid").isEmpty());
    catalog.drop("mid"); // already gone: no error
  }

  @Test
  void theCatalogSurvivesANewInstanceOnTheSameWarehouse() {
    new Catalog(warehouse).save(orders("orders"));
    Catalog again = new Catalog(warehouse.resolve("x/..")); // the same directory, spelled differently
    assertEquals(orders("orders"), again.lookup("orders").orElseThrow());
    assertEquals(warehouse.toAbsolutePath().normalize(), again.warehouse());
  }

  @Test
  void defaultLocationIsUnderTheWarehouse() {
    Catalog catalog = new Catalog(warehouse);
    assertEquals(warehouse.toAbsolutePath().normalize().resolve("sales"),
        catalog.defaultLocation("default.Sales"));
  }

  @Test
  void errorsNameTheTable() {
    AnalysisException nf = Catalog.tableNotFound("nope");
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", nf.getErrorClass());
    assertTrue(nf.getMessage().contains("`nope`"), nf.getMessage());
    AnalysisException ex = Catalog.tableExists("Default.Sales");
    assertEquals("TABLE_OR_VIEW_ALREADY_EXISTS", ex.getErrorClass());
    assertTrue(ex.getMessage().contains("`spark_catalog`.`default`.`sales`"), ex.getMessage());
  }
}
