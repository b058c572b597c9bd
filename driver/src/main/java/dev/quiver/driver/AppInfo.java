package dev.quiver.driver;

/** What Spark's SparkContext tells about an application. */
public record AppInfo(String appName, String applicationId, String master, String sparkUser, long startTime,
    int defaultParallelism, String version) {}
