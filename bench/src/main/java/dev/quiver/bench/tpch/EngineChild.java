package dev.quiver.bench.tpch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The parent's handle on one engine's child JVM ({@link EngineProcess}): start, run a query, peak RSS, stop. */
final class EngineChild implements AutoCloseable {
  /** Spark 4's launcher opens these packages on Java 17 (JavaModuleOptions); Spark fails without them. */
  private static final List<String> SPARK_JVM_FLAGS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-modules=jdk.incubator.vector",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true");

  final String engine;
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final long startNanos;

  private EngineChild(String engine, Process process, long startNanos) {
    this.engine = engine;
    this.process = process;
    this.startNanos = startNanos;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /**
   * Starts the child JVM (Quiver and DuckDB on this JVM's classpath, Spark on its own); its stderr goes to
   * {@code logDir/<engine>.log}. Quiver's child uses a class-data sharing archive in the directory
   * {@code quiver.bench.cdsDir} (bin/tpch-bench sets it) as bin/quiver-env.sh does;
   * when there is none yet for this classpath, a training child (Q6, then quit) makes it first.
   */
  static EngineChild start(String engine, TpchData data, Path logDir, List<String> extraJvmArgs) throws IOException {
    List<String> cdsFlags = List.of();
    String archiveDir = System.getProperty("quiver.bench.cdsDir", "");
    if (engine.equals("quiver") && !archiveDir.isEmpty() && !extraJvmArgs.contains("-Xshare:off")) {
      Optional<ClassArchive> archive = ClassArchive.forClasspath(System.getProperty("java.class.path"),
          Path.of(archiveDir));
      if (archive.isPresent() && !archive.get().exists()) {
        train(archive.get(), data, logDir, extraJvmArgs);
      }
      if (archive.isPresent() && archive.get().exists()) {
        cdsFlags = archive.get().useFlags();
      }
    }
    return launch(engine, data, logDir, cdsFlags, extraJvmArgs);
  }

  private static void train(ClassArchive archive, TpchData data, Path logDir, List<String> extraJvmArgs)
      throws IOException {
    Files.createDirectories(archive.file().getParent());
    System.err.println("quiver: making the class-data sharing archive " + archive.file() + " (once per build)");
    try (EngineChild trainer = launch("quiver", data, logDir, archive.trainFlags(), extraJvmArgs)) {
      trainer.run("q6");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      System.err.println("quiver: no class-data sharing archive (" + e.getMessage() + ")");
    }
    archive.install();
  }

  private static EngineChild launch(String engine, TpchData data, Path logDir, List<String> cdsFlags,
      List<String> extraJvmArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (engine.equals("spark")) {
      command.addAll(SPARK_JVM_FLAGS);
    } else {
      command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
      // Arrow checks the bounds of every buffer access unless told otherwise; Quiver's launch scripts turn
      // that off (bin/quiver-env.sh), so the benchmark does too.
      command.add("-Darrow.enable_unsafe_memory_access=true");
      // As bin/quiver-env.sh: compiled kernels stay out of the operators' per-batch loops, and hot callees
      // inline only up to 150 bytes of bytecode, so recompiling after deoptimizations costs less (see there).
      command.add("-XX:InlineSmallCode=500");
      command.add("-XX:FreqInlineSize=150");
    }
    command.addAll(cdsFlags);
    command.addAll(extraJvmArgs);
    command.add("-cp");
    command.add(engine.equals("spark") ? sparkClasspath() : System.getProperty("java.class.path"));
    command.add(EngineProcess.class.getName());
    command.add(engine);
    command.add(data.root().getParent().toString());
    command.add(Double.toString(data.scaleFactor()));
    Files.createDirectories(logDir);
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .redirectError(logDir.resolve(engine + ".log").toFile())
        .start();
    return new EngineChild(engine, process, t0);
  }

  /** Spark runs on its own classpath (bin/tpch-bench resolves it), never mixed with Quiver's dependencies. */
  private static String sparkClasspath() {
    String classpath = System.getProperty("quiver.bench.sparkClasspath", "");
    if (!classpath.contains("spark-sql_2.13")) {
      throw new IllegalStateException("Spark's classpath is not known: run the comparison with bin/tpch-bench "
          + "--compare, which builds the Spark engine (-Pspark) and resolves Spark's own classpath");
    }
    return classpath;
  }

  long pid() {
    return process.pid();
  }

  long startNanos() {
    return startNanos;
  }

  /** Runs one query; returns {rows, milliseconds} as the child measured them. */
  long[] run(String query) throws IOException {
    in.println("run " + query);
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (!line.startsWith(EngineProcess.PREFIX)) {
        continue;
      }
      String[] answer = line.substring(EngineProcess.PREFIX.length()).split(" ", 4);
      if (answer[0].equals("result")) {
        return new long[] {Long.parseLong(answer[2]), Long.parseLong(answer[3])};
      }
      throw new IllegalStateException(engine + " failed on " + query + ": " + line.substring(EngineProcess.PREFIX.length())
          + " (its log is in " + engine + ".log)");
    }
    throw new IllegalStateException(engine + "'s JVM ended while running " + query + " (see " + engine + ".log)");
  }

  /** The child's peak resident set (VmHWM) in MiB, or -1 where /proc is not available. */
  long peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    in.println("quit");
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
