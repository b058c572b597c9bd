package dev.quiver.proto.rpc;

import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The secret shared by a driver, its workers and its clients. Configured by the setting
 * {@value #SETTING} or, when that is absent, the environment variable {@value #ENV}; without either, calls
 * are not authenticated. It travels in the {@value #HEADER} header of every call.
 */
public final class SharedSecret {
  public static final String SETTING = "quiver.authenticate.secret";
  public static final String ENV = "QUIVER_SECRET";
  public static final String HEADER = "quiver-secret";

  static final Metadata.Key<String> KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private SharedSecret() {}

  /** The secret from {@code settings} (a blank value counts as unset), else from the environment. */
  public static Optional<String> resolve(Map<String, String> settings) {
    return resolve(settings, System.getenv(ENV));
  }

  static Optional<String> resolve(Map<String, String> settings, String environmentValue) {
    String configured = settings.get(SETTING);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    return environmentValue == null || environmentValue.isBlank() ? Optional.empty()
        : Optional.of(environmentValue);
  }

  /**
   * Compares in time independent of where the values differ: both sides are hashed first, so neither the
   * length nor a common prefix of the expected secret leaks through timing.
   */
  static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(sha256(expected), sha256(given));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
