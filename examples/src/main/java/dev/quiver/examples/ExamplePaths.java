package dev.quiver.examples;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where examples read their input and write their output (set by bin/run-example, overridable). */
final class ExamplePaths {
  private ExamplePaths() {}

  /** The CSV files the repository ships in examples/data. */
  static String data(String file) {
    return Paths.get(System.getProperty("quiver.examples.data", "examples/data"), file).toAbsolutePath().toString();
  }

  /** A fresh output location for one example: output/NAME/WHAT under the current directory by default. */
  static String output(String example, String what) {
    Path p = Paths.get(System.getProperty("quiver.examples.output", "output"), example, what).toAbsolutePath();
    return p.toString();
  }
}
