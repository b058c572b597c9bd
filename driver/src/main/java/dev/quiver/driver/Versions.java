package dev.quiver.driver;

/** Version strings users see ({@code spark.version()}). */
public final class Versions {
  private Versions() {}

  /** Quiver's version; the Spark API level it follows is {@link #SPARK_API}. */
  public static final String QUIVER = "0.1.0";
  public static final String SPARK_API = "4.0.1";
}
