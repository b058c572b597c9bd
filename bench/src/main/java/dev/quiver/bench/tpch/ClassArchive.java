package dev.quiver.bench.tpch;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The class-data sharing archive of the Quiver child, as a production launch (bin/quiver-env.sh) uses one:
 * the JVM maps the classes a first query loads instead of parsing and verifying them. The archive is named
 * after the classpath (each jar's path, size and time), so a rebuild makes a new one; the JVM also ignores an
 * archive that does not match, silently. Dynamic archives only hold classes from jars, so a classpath with a
 * directory (an IDE run) gets none.
 */
final class ClassArchive {
  /** Falling back to no archive is intended, so the JVM's warnings about it are noise. */
  static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final Path file;

  private ClassArchive(Path file) {
    this.file = file;
  }

  /** The archive for {@code classpath} under {@code dir}, or empty when the classpath cannot have one. */
  static Optional<ClassArchive> forClasspath(String classpath, Path dir) {
    StringBuilder key = new StringBuilder(System.getProperty("java.home"));
    for (String entry : classpath.split(File.pathSeparator)) {
      File f = new File(entry);
      if (f.isDirectory()) {
        return Optional.empty();
      }
      key.append('\n').append(f.getAbsolutePath()).append(' ').append(f.length()).append(' ').append(f.lastModified());
    }
    String name = "quiver-" + Integer.toHexString(key.toString().hashCode()) + ".jsa";
    return Optional.of(new ClassArchive(dir.resolve(name)));
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  /** The flags that map the archive. */
  List<String> useFlags() {
    List<String> flags = new ArrayList<>(QUIET);
    flags.add("-XX:SharedArchiveFile=" + file);
    return flags;
  }

  /** Where a training run writes the archive at exit; {@link #install} moves it into place. */
  Path trainingOutput() {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /** The flags that make a run write the archive of the classes it loaded when it exits. */
  List<String> trainFlags() {
    List<String> flags = new ArrayList<>(QUIET);
    flags.add("-XX:ArchiveClassesAtExit=" + trainingOutput());
    return flags;
  }

  /**
   * Moves a training run's archive into place, replacing those of earlier builds; false if the run wrote
   * none (the JVM could not make one).
   */
  boolean install() throws IOException {
    Path tmp = trainingOutput();
    if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
      Files.deleteIfExists(tmp);
      return false;
    }
    try (DirectoryStream<Path> old = Files.newDirectoryStream(file.getParent(), "quiver-*.jsa")) {
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  Path file() {
    return file;
  }
}
