package dev.quiver.sql;

import dev.quiver.SparkContext;
import dev.quiver.driver.LocalSession;
import dev.quiver.driver.MasterUrl;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.SessionBackend;
import dev.quiver.driver.remote.RemoteSessionBackend;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.parser.SqlParser;
import dev.quiver.sql.internal.Logging;
import dev.quiver.sql.internal.Values;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Spark's SparkSession: the entry point. {@code Session.builder().appName("x").master("local[2]")
 * .getOrCreate()} starts (or returns) the session, in this process for {@code local[n]} or on the driver at
 * {@code quiver://host:port}; it reads data, creates DataFrames, and holds settings.
 * Stop it (or use try-with-resources) to release its threads, memory and scratch files.
 */
public final class Session implements AutoCloseable {
  private static volatile Session active;

  private final SessionBackend backend;
  private final RuntimeConfig conf;
  private volatile boolean stopped;

  private Session(SessionBackend backend) {
    this.backend = backend;
    this.conf = new RuntimeConfig(backend.conf());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The session created last and not stopped, if any. */
  public static Optional<Session> getActiveSession() {
    return Optional.ofNullable(active);
  }

  public static Session active() {
    Session s = active;
    if (s == null) {
      throw new IllegalStateException("No active Session: create one with Session.builder().getOrCreate().");
    }
    return s;
  }

  SessionBackend backend() {
    return backend;
  }

  public DataFrameReader read() {
    return new DataFrameReader(this);
  }

  public RuntimeConfig conf() {
    return conf;
  }

  public String version() {
    return backend.appInfo().version();
  }

  /** The application's context; its {@code stop()} stops this session, as Spark's SparkContext.stop() does. */
  public SparkContext sparkContext() {
    return new SparkContext(backend, this::stop);
  }

  /** True once {@link #stop()} ran (also through {@code sparkContext().stop()}). */
  boolean isStopped() {
    return stopped;
  }

  /** Rows given in memory; each row's values must have the schema's types (Integer for int, ...). */
  public DataFrame createDataFrame(List<Row> rows, StructType schema) {
    if (rows == null || schema == null) {
      throw new QuiverException("createDataFrame needs a list of rows and a schema, but got "
          + (rows == null ? "null rows" : "a null schema") + ".");
    }
    List<List<Object>> internal = new ArrayList<>(rows.size());
    StructField[] fields = schema.fields();
    int n = 0;
    for (Row r : rows) {
      if (r == null) {
        throw new QuiverException("Row " + n + " of createDataFrame's rows is null; every row must be a Row with "
            + fields.length + " values for the schema " + schema.simpleString() + ".");
      }
      if (r.size() != fields.length) {
        throw new QuiverException("Row " + n + " has " + r.size() + " values, but the schema has " + fields.length
            + " fields: " + schema.simpleString() + ".");
      }
      List<Object> values = new ArrayList<>(fields.length);
      for (int i = 0; i < fields.length; i++) {
        Object v = Values.toInternal(r.get(i), fields[i].dataType(), fields[i].name());
        if (v == null && !fields[i].nullable()) {
          throw new QuiverException("NOT_NULL_ASSERT_VIOLATION", "The value of field '" + fields[i].name()
              + "' in row " + n + " is null, but the field is not nullable.", null, null);
        }
        values.add(v);
      }
      internal.add(values);
      n++;
    }
    return new DataFrame(this, LocalRelation.of(schema, internal));
  }

  public DataFrame createDataFrame(List<Row> rows, String ddlSchema) {
    return createDataFrame(rows, StructType.fromDDL(ddlSchema));
  }

  public DataFrame emptyDataFrame() {
    return createDataFrame(List.of(), new StructType());
  }

  /** {@code id} from 0 to {@code end - 1}, a non-null bigint. */
  public DataFrame range(long end) {
    return range(0, end);
  }

  public DataFrame range(long start, long end) {
    return range(start, end, 1);
  }

  public DataFrame range(long start, long end, long step) {
    return range(start, end, step, 0);
  }

  public DataFrame range(long start, long end, long step, int numPartitions) {
    if (step == 0) {
      throw new IllegalArgumentException("The step of range() must not be 0.");
    }
    return new DataFrame(this, Range.of(start, end, step, numPartitions));
  }

  /** A temporary view, or a table saved with saveAsTable. */
  public DataFrame table(String tableName) {
    return new DataFrame(this, backend.table(tableName));
  }

  /** Runs a SQL query over temporary views and tables. */
  public DataFrame sql(String sqlText) {
    LogicalPlan plan = SqlParser.parseQuery(sqlText, backend::table,
        dev.quiver.driver.Sessions.zone(backend.conf()));
    return new DataFrame(this, plan);
  }

  public Catalog catalog() {
    return new Catalog(backend);
  }

  /** Stops the session (once); the next {@code builder().getOrCreate()} creates a new one. */
  public void stop() {
    synchronized (Session.class) {
      if (active == this) {
        active = null;
      }
      if (stopped) {
        return;
      }
      stopped = true;
    }
    backend.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Builds or returns the active Session. */
  public static final class Builder {
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder() {}

    public Builder appName(String name) {
      return config(QuiverConf.APP_NAME, name);
    }

    public Builder master(String master) {
      return config(QuiverConf.MASTER, master);
    }

    public Builder config(String key, String value) {
      options.put(key, value);
      return this;
    }

    public Builder config(String key, long value) {
      return config(key, Long.toString(value));
    }

    public Builder config(String key, double value) {
      return config(key, Double.toString(value));
    }

    public Builder config(String key, boolean value) {
      return config(key, Boolean.toString(value));
    }

    public Builder config(Map<String, ?> values) {
      values.forEach((k, v) -> config(k, String.valueOf(v)));
      return this;
    }

    /** Accepted for compatibility; Quiver's catalog is its own warehouse directory. */
    public Builder enableHiveSupport() {
      return this;
    }

    /**
     * The active session if there is one (settings given here are applied to it), otherwise a new one. The
     * master comes from {@link #master}, else the system property {@code spark.master} (set by
     * bin/quiver-submit); without either it is an error, as in Spark.
     */
    public Session getOrCreate() {
      synchronized (Session.class) {
        if (active != null && active.isStopped()) {
          active = null;
        }
        Session existing = active;
        if (existing != null) {
          options.forEach((k, v) -> {
            if (!k.equals(QuiverConf.MASTER) && !k.equals(QuiverConf.APP_NAME)) {
              existing.conf().set(k, v);
            }
          });
          return existing;
        }
        Logging.configure();
        Map<String, String> all = new LinkedHashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
          if (key.startsWith("spark.") || key.startsWith("quiver.")) {
            all.put(key, System.getProperty(key));
          }
        }
        all.putAll(options);
        String master = all.get(QuiverConf.MASTER);
        if (master == null) {
          throw new QuiverException("A master URL must be set in your configuration: call .master(\"local[2]\") "
              + "on the builder, or run the job with bin/quiver-submit --master local[2].");
        }
        all.putIfAbsent(QuiverConf.APP_NAME, UUID.randomUUID().toString());
        MasterUrl url = MasterUrl.parse(master);
        QuiverConf conf = new QuiverConf(all);
        String appName = all.get(QuiverConf.APP_NAME);
        Session s = new Session(url.local() ? new LocalSession(conf, url, appName)
            : new RemoteSessionBackend(url, conf, appName));
        active = s;
        return s;
      }
    }
  }
}
