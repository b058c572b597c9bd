package dev.quiver.driver.remote;

import com.google.protobuf.ByteString;
import dev.quiver.driver.AppInfo;
import dev.quiver.driver.ArrowMemory;
import dev.quiver.driver.IpcResult;
import dev.quiver.driver.MasterUrl;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.ResultRows;
import dev.quiver.driver.SessionBackend;
import dev.quiver.driver.WriteRequest;
import dev.quiver.driver.io.IpcBatches;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.serde.ErrorSerde;
import dev.quiver.planner.serde.FileSourceSerde;
import dev.quiver.planner.serde.LogicalPlanSerde;
import dev.quiver.planner.serde.TypeSerde;
import dev.quiver.proto.CacheRequest;
import dev.quiver.proto.CreateTempViewRequest;
import dev.quiver.proto.Done;
import dev.quiver.proto.ExplainRequest;
import dev.quiver.proto.InsertIntoRequest;
import dev.quiver.proto.NameRequest;
import dev.quiver.proto.OpenSessionRequest;
import dev.quiver.proto.OpenSessionResponse;
import dev.quiver.proto.PlanRequest;
import dev.quiver.proto.ResolveFilesRequest;
import dev.quiver.proto.ResultChunk;
import dev.quiver.proto.SaveAsTableRequest;
import dev.quiver.proto.SessionRef;
import dev.quiver.proto.SessionServiceGrpc;
import dev.quiver.proto.UpdateConfRequest;
import dev.quiver.proto.WriteFilesRequest;
import dev.quiver.proto.rpc.ErrorTrailers;
import dev.quiver.proto.rpc.Rpc;
import dev.quiver.proto.rpc.SharedSecret;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StructType;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A Session's engine in another process: every operation is a call to the driver at {@code quiver://host:port}
 * ({@link SessionService}). Plans go as protobuf, results come back as Arrow IPC and are decoded here, and
 * every error the driver raises is rethrown as the same exception. Settings changed through the Session's
 * RuntimeConfig are sent before the next call that could read them.
 */
public final class RemoteSessionBackend implements SessionBackend {
  /** How long opening a session may take before the driver is reported unreachable. */
  private static final long OPEN_DEADLINE_SECONDS = 30;

  private final String url;
  private final ManagedChannel channel;
  private final SessionServiceGrpc.SessionServiceBlockingStub stub;
  private final QuiverConf conf;
  private final String sessionId;
  private final AppInfo appInfo;
  private final BufferAllocator allocator;
  private final ClientCallStreamObserver<?> attachCall;
  /** The settings the driver has, as far as this client told it; compared with {@link #conf} before each call. */
  private Map<String, String> syncedConf;
  private boolean stopped;

  public RemoteSessionBackend(MasterUrl master, QuiverConf conf, String appName) {
    this.url = master.url();
    this.conf = conf;
    HostPort address = HostPort.of(master);
    this.channel = Rpc.channel(address.host(), address.port(), SharedSecret.resolve(conf.all()));
    this.stub = SessionServiceGrpc.newBlockingStub(channel);
    BufferAllocator root = null;
    try {
      Map<String, String> settings = shareable(conf.all());
      OpenSessionResponse opened = call(() -> stub.withDeadlineAfter(OPEN_DEADLINE_SECONDS, TimeUnit.SECONDS)
          .openSession(OpenSessionRequest.newBuilder().setAppName(appName).putAllSettings(settings).build()));
      this.sessionId = opened.getSessionId();
      this.appInfo = WireForms.fromProto(opened.getAppInfo());
      this.syncedConf = settings;
      this.attachCall = attach();
      root = ArrowMemory.newRoot();
      this.allocator = root;
    } catch (RuntimeException | Error e) {
      if (root != null) {
        root.close();
      }
      Rpc.closeNow(channel);
      throw e;
    }
  }

  /** Holds the Attach stream open, so the driver closes this session if this process goes away unannounced. */
  private ClientCallStreamObserver<?> attach() {
    ClientCallStreamObserver<?>[] call = new ClientCallStreamObserver<?>[1];
    SessionServiceGrpc.newStub(channel).attach(ref(), new ClientResponseObserver<SessionRef, Done>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<SessionRef> requestStream) {
        call[0] = requestStream;
      }

      @Override
      public void onNext(Done value) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    return call[0];
  }

  /** The settings the driver gets: all but the shared secret, which only ever travels as the call header. */
  private static Map<String, String> shareable(Map<String, String> settings) {
    Map<String, String> copy = new HashMap<>(settings);
    copy.remove(SharedSecret.SETTING);
    return copy;
  }

  @Override
  public AppInfo appInfo() {
    return appInfo;
  }

  @Override
  public QuiverConf conf() {
    return conf;
  }

  @Override
  public LogicalPlan analyze(LogicalPlan unresolved) {
    return LogicalPlanSerde.fromBytes(
        call(() -> stub.analyze(planRequest(unresolved))).getPlan().toByteArray());
  }

  @Override
  public FileSource resolveFiles(String format, List<String> paths, Map<String, String> options,
      StructType userSchema) {
    ResolveFilesRequest.Builder b = ResolveFilesRequest.newBuilder().setSessionId(sessionId).setFormat(format)
        .addAllPaths(paths).putAllOptions(options);
    if (userSchema != null) {
      b.setUserSchema(ByteString.copyFrom(TypeSerde.toBytes(userSchema)));
    }
    return FileSourceSerde.fromBytes(call(() -> stub.resolveFiles(b.build())).getSource().toByteArray());
  }

  @Override
  public ResultRows collect(LogicalPlan plan) {
    IpcResult result = collectIpc(plan);
    List<Object[]> rows = new ArrayList<>();
    for (byte[] partition : result.partitions()) {
      IpcBatches.readRows(partition, allocator, rows);
    }
    return new ResultRows(result.schema(), rows);
  }

  @Override
  public IpcResult collectIpc(LogicalPlan plan) {
    ResultStream stream = new ResultStream(plan);
    List<byte[]> partitions = new ArrayList<>();
    byte[] partition;
    while ((partition = stream.nextPartition()) != null) {
      partitions.add(partition);
    }
    return new IpcResult(stream.schema, partitions);
  }

  /** Rows as they are consumed: a partition is received and decoded only when the previous one is used up. */
  @Override
  public Iterator<Object[]> toLocalIterator(LogicalPlan plan) {
    ResultStream stream = new ResultStream(plan);
    return new Iterator<>() {
      private Iterator<Object[]> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          byte[] partition = stream.nextPartition();
          if (partition == null) {
            return false;
          }
          List<Object[]> rows = new ArrayList<>();
          IpcBatches.readRows(partition, allocator, rows);
          current = rows.iterator();
        }
        return true;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * One Collect call's stream, read a partition at a time. The first message (the schema) is read at once, so
   * that a query that fails raises its error where local mode does: at collect()/toLocalIterator().
   */
  private final class ResultStream {
    private final Iterator<ResultChunk> chunks;
    private final StructType schema;

    ResultStream(LogicalPlan plan) {
      PlanRequest request = planRequest(plan);
      this.chunks = call(() -> stub.collect(request));
      this.schema = (StructType) TypeSerde.fromBytes(call(chunks::next).getSchema().toByteArray());
    }

    /** The next partition's whole IPC stream, or null after the last. */
    byte[] nextPartition() {
      ByteString bytes = ByteString.EMPTY;
      while (call(chunks::hasNext)) {
        ResultChunk c = call(chunks::next);
        // Concatenation keeps the pieces as they are; they are copied once, into the partition's array.
        bytes = bytes.concat(c.getIpc());
        if (c.getLastOfPartition()) {
          return bytes.toByteArray();
        }
      }
      if (!bytes.isEmpty()) {
        throw new QuiverException("The Quiver driver at " + url + " ended a result in the middle of a partition. "
            + "Run the query again; if it keeps happening, the driver's log says why.");
      }
      return null;
    }
  }

  @Override
  public String explain(LogicalPlan plan, boolean extended) {
    return call(() -> stub.explain(ExplainRequest.newBuilder().setSessionId(sessionId).setPlan(planBytes(plan))
        .setExtended(extended).build())).getText();
  }

  @Override
  public void write(LogicalPlan plan, WriteRequest request) {
    call(() -> stub.write(WriteFilesRequest.newBuilder().setSessionId(sessionId).setPlan(planBytes(plan))
        .setWrite(WireForms.toProto(request)).build()));
  }

  @Override
  public void saveAsTable(LogicalPlan plan, String table, WriteRequest request) {
    call(() -> stub.saveAsTable(SaveAsTableRequest.newBuilder().setSessionId(sessionId).setPlan(planBytes(plan))
        .setTable(table).setWrite(WireForms.toProto(request)).build()));
  }

  @Override
  public void insertInto(LogicalPlan plan, String table, boolean overwrite) {
    call(() -> stub.insertInto(InsertIntoRequest.newBuilder().setSessionId(sessionId).setPlan(planBytes(plan))
        .setTable(table).setOverwrite(overwrite).build()));
  }

  @Override
  public LogicalPlan table(String name) {
    return LogicalPlanSerde.fromBytes(call(() -> stub.table(nameRequest(name))).getPlan().toByteArray());
  }

  @Override
  public void createTempView(String name, LogicalPlan plan, boolean replace) {
    call(() -> stub.createTempView(CreateTempViewRequest.newBuilder().setSessionId(sessionId).setName(name)
        .setPlan(planBytes(plan)).setReplace(replace).build()));
  }

  @Override
  public boolean dropTempView(String name) {
    return call(() -> stub.dropTempView(nameRequest(name))).getValue();
  }

  @Override
  public List<String> tableNames() {
    return call(() -> stub.tableNames(ref())).getNamesList();
  }

  @Override
  public void cache(LogicalPlan plan, String storageLevel) {
    call(() -> stub.cache(CacheRequest.newBuilder().setSessionId(sessionId).setPlan(planBytes(plan))
        .setStorageLevel(storageLevel).build()));
  }

  @Override
  public boolean uncache(LogicalPlan plan) {
    return call(() -> stub.uncache(planRequest(plan))).getValue();
  }

  @Override
  public boolean isCached(LogicalPlan plan) {
    return call(() -> stub.isCached(planRequest(plan))).getValue();
  }

  @Override
  public void clearCache() {
    call(() -> stub.clearCache(ref()));
  }

  /** Closes the driver-side session, then this client's connection and memory. Safe to call twice. */
  @Override
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    try {
      stub.withDeadlineAfter(10, TimeUnit.SECONDS).closeSession(ref());
    } catch (StatusRuntimeException e) {
      // The driver is gone or already closed the session: there is nothing left to release there.
    } finally {
      if (attachCall != null) {
        attachCall.cancel("session stopped", null);
      }
      Rpc.closeNow(channel);
      allocator.close();
    }
  }

  private SessionRef ref() {
    return SessionRef.newBuilder().setSessionId(sessionId).build();
  }

  private NameRequest nameRequest(String name) {
    return NameRequest.newBuilder().setSessionId(sessionId).setName(name).build();
  }

  private PlanRequest planRequest(LogicalPlan plan) {
    return PlanRequest.newBuilder().setSessionId(sessionId).setPlan(planBytes(plan)).build();
  }

  private static ByteString planBytes(LogicalPlan plan) {
    return ByteString.copyFrom(LogicalPlanSerde.toBytes(plan));
  }

  /** Runs a call after sending changed settings; turns its failure into the exception a user should see. */
  private <T> T call(Supplier<T> rpc) {
    checkRunning();
    try {
      syncConf();
      return rpc.get();
    } catch (StatusRuntimeException e) {
      throw translate(e);
    }
  }

  private void checkRunning() {
    if (stopped) {
      throw new QuiverException("This session has been stopped; create a new one with "
          + "Session.builder().getOrCreate().");
    }
  }

  /** Sends the settings set or unset since the last call (RuntimeConfig changes the shared QuiverConf). */
  private synchronized void syncConf() {
    if (sessionId == null) {
      return;
    }
    Map<String, String> now = shareable(conf.all());
    if (now.equals(syncedConf)) {
      return;
    }
    UpdateConfRequest.Builder b = UpdateConfRequest.newBuilder().setSessionId(sessionId);
    now.forEach((k, v) -> {
      if (!v.equals(syncedConf.get(k))) {
        b.putSet(k, v);
      }
    });
    for (String k : syncedConf.keySet()) {
      if (!now.containsKey(k)) {
        b.addUnset(k);
      }
    }
    stub.updateConf(b.build());
    syncedConf = now;
  }

  private RuntimeException translate(StatusRuntimeException e) {
    var error = ErrorTrailers.errorOf(e);
    if (error.isPresent()) {
      return ErrorSerde.fromProto(error.get());
    }
    Status status = e.getStatus();
    switch (status.getCode()) {
      case UNAUTHENTICATED:
        return new QuiverException("The Quiver driver at " + url + " refused this client: "
            + status.getDescription());
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return new QuiverException("Cannot reach the Quiver driver at " + url + " (" + reason(e) + "). Is it "
            + "running? Start one with bin/quiver-driver or bin/start-cluster.");
      default:
        return new QuiverException("A call to the Quiver driver at " + url + " failed (" + status.getCode()
            + (status.getDescription() == null ? "" : ": " + status.getDescription()) + ").");
    }
  }

  /** The transport's reason in a few words, e.g. "connection refused", without gRPC's class names. */
  private static String reason(StatusRuntimeException e) {
    if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return "no answer within " + OPEN_DEADLINE_SECONDS + " s";
    }
    for (Throwable c = e.getStatus().getCause(); c != null; c = c.getCause()) {
      String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      for (String known : KNOWN_REASONS) {
        if (message.contains(known)) {
          return known;
        }
      }
      if (c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
    }
    String description = e.getStatus().getDescription();
    return description != null ? description
        : e.getStatus().getCode().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static final List<String> KNOWN_REASONS = List.of("connection refused", "connection reset",
      "no route to host", "network is unreachable", "connection timed out", "timed out");
}
