package dev.quiver.driver;

import dev.quiver.sql.QuiverException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses master URLs: {@code local}, {@code local[n]}, {@code local[*]}, {@code local[n,maxFailures]}. */
public record MasterUrl(String url, boolean local, int threads, int maxFailures) {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:\\s*,\\s*(\\d+))?\\])?");

  public static MasterUrl parse(String url) {
    String u = url.trim();
    Matcher m = LOCAL.matcher(u.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      int threads = m.group(1) == null ? 1
          : m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
      if (threads < 1) {
        throw new QuiverException("The master URL " + url + " asks for " + threads + " threads; use at least 1.");
      }
      int failures = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      return new MasterUrl(u, true, threads, failures);
    }
    if (u.startsWith("quiver://")) {
      return new MasterUrl(u, false, 0, 4);
    }
    throw new QuiverException("Could not parse the master URL '" + url + "'. Use local, local[n], local[*] or "
        + "quiver://host:port (a driver started with bin/quiver-driver).");
  }
}
