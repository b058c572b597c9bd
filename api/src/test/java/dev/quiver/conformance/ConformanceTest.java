package dev.quiver.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Spark 4.0.1's recorded answers (src/test/resources/conformance/expected) against Quiver's: every case in
 * {@link VisibleCases} is run through the public API on local[2] (and through quiver:// in
 * {@link RemoteConformanceTest}) and rendered by {@link Harness}; the text
 * must match byte for byte. Errors match by kind (an ArithmeticException for SparkArithmeticException...).
 */
class ConformanceTest {
  static Session spark;
  private static Path root;

  @BeforeAll
  static void start() throws URISyntaxException {
    root = Paths.get(ConformanceTest.class.getResource("/conformance/expected").toURI()).getParent();
    begin("local[2]");
  }

  static void begin(String master) {
    spark = Session.builder().master(master).appName("conformance")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @TestFactory
  Stream<DynamicTest> sparkAnswers() {
    TreeMap<String, Method> cases = new TreeMap<>();
    for (Method m : VisibleCases.class.getDeclaredMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers()) && p.length == 2
          && p[0] == Session.class && p[1] == String.class) {
        cases.put(m.getName(), m);
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : cases.keySet()) {
      tests.add(DynamicTest.dynamicTest(name, () -> check(name, cases.get(name))));
    }
    return tests.stream();
  }

  private void check(String name, Method method) throws Exception {
    String expected = read(root.resolve("expected").resolve(name + ".txt"));
    DataFrame df;
    String actual;
    try {
      method.setAccessible(true);
      df = (DataFrame) method.invoke(null, spark, root.resolve("data").toString());
      actual = Harness.render(df, VisibleCases.ORDERED.contains(name));
    } catch (InvocationTargetException e) {
      checkError(name, expected, e.getCause());
      return;
    } catch (RuntimeException e) {
      checkError(name, expected, e);
      return;
    }
    assertEquals(expected, actual, "Spark's answer for " + name);
    Path showFile = root.resolve("expected").resolve(name + ".show.txt");
    if (Files.exists(showFile)) {
      assertEquals(read(showFile), captureShow(df), "Spark's show()/printSchema() output for " + name);
    }
  }

  private static void checkError(String name, String expected, Throwable actual) {
    if (!expected.startsWith("ERROR\t")) {
      AssertionError e = new AssertionError(name + " failed, but Spark answers:\n" + expected);
      e.initCause(actual);
      throw e;
    }
    String sparkClass = expected.substring("ERROR\t".length()).trim();
    String simple = actual.getClass().getSimpleName();
    if (sparkClass.equals("AnalysisException")) {
      assertEquals("AnalysisException", simple, name + ": " + actual);
    } else if (sparkClass.contains("Arithmetic")) {
      assertTrue(actual instanceof ArithmeticException && simple.contains("Arithmetic"), name + ": " + actual);
    } else if (sparkClass.contains("NumberFormat")) {
      assertTrue(actual instanceof NumberFormatException && simple.contains("NumberFormat"), name + ": " + actual);
    } else {
      fail(name + ": unexpected Spark error kind " + sparkClass + " for " + actual);
    }
  }

  private static String captureShow(DataFrame df) {
    StringBuilder sb = new StringBuilder();
    sb.append("=== df.show() ===\n").append(capture(df::show));
    sb.append("=== df.show(3, false) ===\n").append(capture(() -> df.show(3, false)));
    sb.append("=== df.printSchema() ===\n").append(capture(df::printSchema));
    return sb.toString();
  }

  private static synchronized String capture(Runnable r) {
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.out.flush();
      System.setOut(original);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
