package dev.quiver.sql;

/** Spark's SaveMode: what a write does when its target already exists. */
public enum SaveMode {
  Append,
  Overwrite,
  ErrorIfExists,
  Ignore;

  String option() {
    switch (this) {
      case Append:
        return "append";
      case Overwrite:
        return "overwrite";
      case Ignore:
        return "ignore";
      default:
        return "errorifexists";
    }
  }
}
