package dev.quiver.driver.scheduler;

/** Identifies one job (one action) of an application. */
public record JobId(long id) {
  @Override
  public String toString() {
    return "job " + id;
  }
}
