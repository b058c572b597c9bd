package dev.quiver.driver;

import dev.quiver.sql.QuiverException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses master URLs: {@code local}, {@code local[n]}, {@code local[*]}, {@code local[n,maxFailures]}, and
 * {@code quiver://host:port} for a driver started with bin/quiver-driver.
 */
public record MasterUrl(String url, boolean local, int threads, int maxFailures) {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:\\s*,\\s*(\\d+))?\\])?");
  private static final Pattern CLUSTER = Pattern.compile("quiver://([^:/\\s]+|\\[[0-9a-fA-F:.]+\\]):(\\d{1,5})/?");

  public static MasterUrl parse(String url) {
    String u = url.trim();
    Matcher m = LOCAL.matcher(u.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      int threads = m.group(1) == null ? 1
          : m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : number(url, m.group(1));
      if (threads < 1) {
        throw new QuiverException("The master URL " + url + " asks for " + threads + " threads; use at least 1.");
      }
      int failures = m.group(2) == null ? 1 : number(url, m.group(2));
      return new MasterUrl(u, true, threads, failures);
    }
    Matcher c = CLUSTER.matcher(u);
    if (c.matches()) {
      int port = Integer.parseInt(c.group(2));
      if (port >= 1 && port <= 65535) {
        return new MasterUrl(u, false, 0, 4);
      }
    }
    throw bad(url);
  }

  private static int number(String url, String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw bad(url);
    }
  }

  private static QuiverException bad(String url) {
    return new QuiverException("Could not parse the master URL '" + url + "'. Use local, local[n], local[*], "
        + "local[n,maxFailures] or quiver://host:port (a driver started with bin/quiver-driver).");
  }
}
