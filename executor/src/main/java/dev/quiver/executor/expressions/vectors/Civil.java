package dev.quiver.executor.expressions.vectors;

/**
 * Calendar fields of a day number (days since 1970-01-01, proleptic Gregorian, as Spark and java.time use)
 * by integer arithmetic (H. Hinnant's civil-from-days), so date kernels allocate nothing per row.
 */
public final class Civil {
  private Civil() {}

  /** The year, month (1-12) and day (1-31) packed as year * 10000 + month * 100 + day (sign on year). */
  public static long ymd(int days) {
    long z = (long) days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    return y * 10000 + (y < 0 ? -(m * 100 + d) : m * 100 + d);
  }

  public static int year(int days) {
    long p = ymd(days);
    return (int) (p / 10000);
  }

  public static int month(int days) {
    return (int) (Math.abs(ymd(days)) / 100 % 100);
  }

  public static int day(int days) {
    return (int) (Math.abs(ymd(days)) % 100);
  }

  /** Days since the epoch of a civil date. */
  public static int days(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = month > 2 ? month - 3 : month + 9;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int) (era * 146097 + doe - 719468);
  }

  public static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  public static int monthLength(long year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Writes yyyy-MM-dd (years 0..9999) into {@code out} at {@code at}; returns false for other years. */
  public static boolean formatDate(int days, byte[] out, int at) {
    long p = ymd(days);
    long y = p / 10000;
    if (y < 0 || y > 9999) {
      return false;
    }
    int m = (int) (p / 100 % 100);
    int d = (int) (p % 100);
    out[at] = (byte) ('0' + y / 1000);
    out[at + 1] = (byte) ('0' + y / 100 % 10);
    out[at + 2] = (byte) ('0' + y / 10 % 10);
    out[at + 3] = (byte) ('0' + y % 10);
    out[at + 4] = '-';
    out[at + 5] = (byte) ('0' + m / 10);
    out[at + 6] = (byte) ('0' + m % 10);
    out[at + 7] = '-';
    out[at + 8] = (byte) ('0' + d / 10);
    out[at + 9] = (byte) ('0' + d % 10);
    return true;
  }
}
