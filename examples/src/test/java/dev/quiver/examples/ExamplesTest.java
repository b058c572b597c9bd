package dev.quiver.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example job runs in CI, in-process, on the shipped data; key output lines are checked. */
class ExamplesTest {
  @TempDir
  static Path out;

  @BeforeAll
  static void paths() {
    System.setProperty("quiver.examples.data", Paths.get("data").toAbsolutePath().toString());
    System.setProperty("quiver.examples.output", out.resolve("output").toString());
    System.setProperty("spark.sql.warehouse.dir", out.resolve("warehouse").toString());
    System.setProperty("spark.master", "local[2]");
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Examples.main(args);
    } finally {
      System.setOut(original);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }

  @Test
  void listsEveryExampleWithADescription() {
    String[] lines = run().split("\n");
    List<String> names = new ArrayList<>();
    Examples.names().forEach(names::add);
    assertEquals(names.size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      assertTrue(lines[i].startsWith(names.get(i) + "\t") && lines[i].length() > names.get(i).length() + 10,
          lines[i]);
    }
  }

  @Test
  void sales() {
    String text = run("sales");
    assertTrue(text.contains("|     US|     9|        4|2009.45|"), text);
    assertTrue(text.contains("Read back from Parquet: 6 rows"), text);
    assertTrue(Files.exists(out.resolve("output/sales/revenue_by_country.parquet/_SUCCESS")));
    assertTrue(Files.exists(out.resolve("output/sales/revenue_by_country.csv/_SUCCESS")));
  }

  @Test
  void sparkCommands() {
    String text = run("spark-commands");
    assertTrue(text.contains("count = 10, first row = [1,Alice,34,US,85000.5]"), text);
    assertTrue(text.contains("table my_table (10 rows"), text);
  }

  @Test
  void batchProcessing() {
    String text = run("batch-processing");
    assertTrue(text.contains("Loaded 13 rows into"), text);
    assertTrue(Files.exists(out.resolve("output/batch-processing/archive/processed_data.parquet/_SUCCESS")));
  }

  @Test
  void basicFunctions() {
    String text = run("basic-functions");
    assertTrue(text.contains(" |-- salary: double (nullable = true)"), text);
    assertTrue(text.contains("union has 13 rows"), text);
    assertTrue(text.contains("|13 |Mallory  |38 |US     |66000.0 |4   |"), text);
  }

  @Test
  void pysparkCommands() {
    String text = run("pyspark-commands");
    assertTrue(text.contains("people over 30: 7"), text);
    assertTrue(text.contains("cached rows: 10, again from the cache: 10"), text);
  }

  @Test
  void contextInfo() {
    String text = run("context-info");
    assertTrue(text.contains("appName            = ContextInfo"), text);
    assertTrue(text.contains("master             = local[2]"), text);
    assertTrue(text.contains("defaultParallelism = 2"), text);
  }

  /** bin/quiver-submit runs a compiled job jar with the master it is given, like spark-submit. */
  @Test
  void quiverSubmitRunsAJobJar() throws Exception {
    Path jar = out.resolve("examples.jar");
    try (var jos = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      Path classes = Paths.get("target/classes");
      try (var files = Files.walk(classes)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          jos.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          Files.copy(f, jos);
          jos.closeEntry();
        }
      }
    }
    ProcessBuilder pb = new ProcessBuilder("bash", Paths.get("../bin/quiver-submit").toString(),
        "--master", "local[3]", "--name", "submitted", "--class", "dev.quiver.examples.Examples", jar.toString(),
        "context-info");
    pb.environment().put("QUIVER_CLASSPATH", System.getProperty("java.class.path"));
    // Tests keep Arrow's bounds checks on, also in the processes the scripts start.
    pb.environment().put("QUIVER_ARROW_CHECKS", "on");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), text);
    assertTrue(text.contains("master             = local[3]"), text);
    assertTrue(text.contains("defaultParallelism = 3"), text);
  }
}
