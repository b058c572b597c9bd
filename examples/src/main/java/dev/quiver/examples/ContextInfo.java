package dev.quiver.examples;

import dev.quiver.SparkContext;
import dev.quiver.sql.Session;

/** The seed's SparkContext commands: application name, id, version, master and user. */
public final class ContextInfo {
  private ContextInfo() {}

  public static void main(String[] args) {
    try (Session spark = Session.builder().appName("ContextInfo").master("local[4]").getOrCreate()) {
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
