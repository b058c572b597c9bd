package dev.quiver.sql;

import dev.quiver.driver.SessionBackend;
import java.util.List;

/** A small part of Spark's Catalog: which tables and views exist, and dropping views. */
public final class Catalog {
  private final SessionBackend backend;

  Catalog(SessionBackend backend) {
    this.backend = backend;
  }

  public List<String> listTableNames() {
    return backend.tableNames();
  }

  public boolean tableExists(String tableName) {
    try {
      backend.table(tableName);
      return true;
    } catch (AnalysisException e) {
      return false;
    }
  }

  public boolean dropTempView(String viewName) {
    return backend.dropTempView(viewName);
  }

  public void clearCache() {
    backend.clearCache();
  }
}
