package dev.quiver.driver;

import dev.quiver.sql.QuiverException;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Session-level settings read in more than one place. */
public final class Sessions {
  private Sessions() {}

  public static ZoneId zone(QuiverConf conf) {
    String id = conf.get(QuiverConf.SESSION_TIME_ZONE, ZoneId.systemDefault().getId());
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new QuiverException("INVALID_CONF_VALUE.TIME_ZONE", "The value '" + id + "' of the setting "
          + QuiverConf.SESSION_TIME_ZONE + " is not a valid time zone. Use a region id such as 'UTC' or "
          + "'Europe/Paris', or an offset such as '+02:00'.", "22022", e);
    }
  }
}
