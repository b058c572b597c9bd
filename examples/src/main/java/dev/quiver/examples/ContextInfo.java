package dev.quiver.examples;

import dev.quiver.SparkContext;
import dev.quiver.sql.Session;

/**
 * The seed's SparkContext commands: application name, id, version, master and user. The master is not set in
 * code: bin/run-example passes local[2], bin/quiver-submit whatever --master says.
 */
public final class ContextInfo {
  private ContextInfo() {}

  public static void main(String[] args) {
    try (Session spark = Session.builder().appName("ContextInfo").getOrCreate()) {
      SparkContext sc = spark.sparkContext();
      System.out.println("appName            = " + sc.appName());
      System.out.println("applicationId      = " + sc.applicationId());
      System.out.println("version            = " + sc.version());
      System.out.println("master             = " + sc.master());
      System.out.println("sparkUser          = " + sc.sparkUser());
      System.out.println("defaultParallelism = " + sc.defaultParallelism());
      spark.range(1, 6).show();
    }
  }
}
