package dev.quiver.driver.remote;

import com.google.protobuf.ByteString;
import dev.quiver.driver.IpcResult;
import dev.quiver.driver.SessionBackend;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.serde.ErrorSerde;
import dev.quiver.planner.serde.FileSourceSerde;
import dev.quiver.planner.serde.LogicalPlanSerde;
import dev.quiver.planner.serde.TypeSerde;
import dev.quiver.proto.BoolResponse;
import dev.quiver.proto.CacheRequest;
import dev.quiver.proto.CreateTempViewRequest;
import dev.quiver.proto.Done;
import dev.quiver.proto.ExplainRequest;
import dev.quiver.proto.ExplainResponse;
import dev.quiver.proto.InsertIntoRequest;
import dev.quiver.proto.NameRequest;
import dev.quiver.proto.OpenSessionRequest;
import dev.quiver.proto.OpenSessionResponse;
import dev.quiver.proto.PlanRequest;
import dev.quiver.proto.PlanResponse;
import dev.quiver.proto.ResolveFilesRequest;
import dev.quiver.proto.ResolveFilesResponse;
import dev.quiver.proto.ResultChunk;
import dev.quiver.proto.SaveAsTableRequest;
import dev.quiver.proto.SessionRef;
import dev.quiver.proto.SessionServiceGrpc;
import dev.quiver.proto.TableNamesResponse;
import dev.quiver.proto.UpdateConfRequest;
import dev.quiver.proto.WriteFilesRequest;
import dev.quiver.proto.rpc.ErrorTrailers;
import dev.quiver.proto.rpc.SharedSecret;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.QuiverThrowable;
import dev.quiver.sql.types.StructType;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of the client protocol: keeps one engine session per client session and serves each RPC
 * by calling it. Sessions are independent: a failure is reported to the caller of that session only. A
 * session ends when its client closes it, when its client's Attach stream ends (the client stopped, died or
 * lost its connection), or after {@code idleTimeout} without calls and without an Attach stream.
 */
public final class SessionService extends SessionServiceGrpc.SessionServiceImplBase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
  /** How long a session with neither calls nor an attached client is kept (a client that never attached). */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  private final SessionBackendFactory factory;
  private final long idleTimeoutNanos;
  private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper;

  public SessionService(SessionBackendFactory factory) {
    this(factory, DEFAULT_IDLE_TIMEOUT);
  }

  public SessionService(SessionBackendFactory factory, Duration idleTimeout) {
    this.factory = factory;
    this.idleTimeoutNanos = idleTimeout.toNanos();
    this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "quiver-session-reaper");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(10, Math.min(idleTimeout.toMillis() / 2, 10_000));
    reaper.scheduleWithFixedDelay(this::closeIdleSessions, period, period, TimeUnit.MILLISECONDS);
  }

  /** Ids of the sessions open now. */
  public Set<String> sessionIds() {
    return Set.copyOf(sessions.keySet());
  }

  /** Whether a client holds an Attach stream of the session open (false for a session that is gone). */
  boolean isAttached(String sessionId) {
    ClientSession s = sessions.get(sessionId);
    return s != null && s.attached.get() > 0;
  }

  /** One client session: its engine session and what tells whether its client is still there. */
  private static final class ClientSession {
    final String id;
    final SessionBackend backend;
    final AtomicInteger callsInFlight = new AtomicInteger();
    final AtomicInteger attached = new AtomicInteger();
    final List<StreamObserver<Done>> attachStreams = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile long lastUsedNanos = System.nanoTime();

    ClientSession(String id, SessionBackend backend) {
      this.id = id;
      this.backend = backend;
    }
  }

  @Override
  public void openSession(OpenSessionRequest request, StreamObserver<OpenSessionResponse> response) {
    respond(response, () -> {
      Map<String, String> settings = new HashMap<>(request.getSettingsMap());
      settings.remove(SharedSecret.SETTING);
      SessionBackend backend = factory.open(request.getAppName(), settings);
      String id = UUID.randomUUID().toString();
      sessions.put(id, new ClientSession(id, backend));
      LOG.info("Opened session {} for application '{}'", id, request.getAppName());
      return OpenSessionResponse.newBuilder().setSessionId(id).setAppInfo(WireForms.toProto(backend.appInfo())).build();
    });
  }

  @Override
  public void closeSession(SessionRef request, StreamObserver<Done> response) {
    respond(response, () -> {
      close(request.getSessionId(), "its client stopped it");
      return Done.getDefaultInstance();
    });
  }

  @Override
  public void attach(SessionRef request, StreamObserver<Done> response) {
    ClientSession s = sessions.get(request.getSessionId());
    if (s == null) {
      response.onError(ErrorTrailers.toStatus(ErrorSerde.toProto(sessionGone())));
      return;
    }
    s.attached.incrementAndGet();
    s.attachStreams.add(response);
    ServerCallStreamObserver<Done> call = (ServerCallStreamObserver<Done>) response;
    call.setOnCancelHandler(() -> {
      s.attached.decrementAndGet();
      s.attachStreams.remove(response);
      close(s.id, "its client went away");
    });
    if (call.isCancelled()) {
      close(s.id, "its client went away");
    }
  }

  @Override
  public void updateConf(UpdateConfRequest request, StreamObserver<Done> response) {
    call(request.getSessionId(), response, backend -> {
      request.getSetMap().forEach(backend.conf()::set);
      request.getUnsetList().forEach(backend.conf()::unset);
      return Done.getDefaultInstance();
    });
  }

  @Override
  public void analyze(PlanRequest request, StreamObserver<PlanResponse> response) {
    call(request.getSessionId(), response, backend -> planResponse(backend.analyze(plan(request.getPlan()))));
  }

  @Override
  public void resolveFiles(ResolveFilesRequest request, StreamObserver<ResolveFilesResponse> response) {
    call(request.getSessionId(), response, backend -> {
      StructType schema = request.hasUserSchema()
          ? (StructType) TypeSerde.fromBytes(request.getUserSchema().toByteArray()) : null;
      return ResolveFilesResponse.newBuilder().setSource(ByteString.copyFrom(FileSourceSerde.toBytes(
          backend.resolveFiles(request.getFormat(), request.getPathsList(), request.getOptionsMap(), schema))))
          .build();
    });
  }

  @Override
  public void collect(PlanRequest request, StreamObserver<ResultChunk> response) {
    ClientSession s = acquire(request.getSessionId(), response);
    if (s == null) {
      return;
    }
    ServerCallStreamObserver<ResultChunk> out = (ServerCallStreamObserver<ResultChunk>) response;
    try {
      IpcResult result = s.backend.collectIpc(plan(request.getPlan()));
      for (ResultChunk chunk : ResultChunks.of(result)) {
        if (!awaitReady(out, s)) {
          if (!out.isCancelled()) {
            fail(response, sessionGone());
          }
          return;
        }
        out.onNext(chunk);
      }
      out.onCompleted();
    } catch (Throwable t) {
      fail(response, t);
    } finally {
      release(s);
    }
  }

  /**
   * Waits until the client can take another message, so that a large result is not buffered whole in the
   * transport. Returns false if the client cancelled or the session was closed meanwhile (a client that stopped
   * reading a toLocalIterator). Polls, backing off: this thread runs the call, so the call's onReady callback
   * could not run until it returns.
   */
  private boolean awaitReady(ServerCallStreamObserver<?> out, ClientSession s) throws InterruptedException {
    long pause = 1;
    while (!out.isReady()) {
      if (out.isCancelled() || !sessions.containsKey(s.id)) {
        return false;
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 50);
    }
    return !out.isCancelled();
  }

  @Override
  public void explain(ExplainRequest request, StreamObserver<ExplainResponse> response) {
    call(request.getSessionId(), response, backend -> ExplainResponse.newBuilder()
        .setText(backend.explain(plan(request.getPlan()), request.getExtended())).build());
  }

  @Override
  public void write(WriteFilesRequest request, StreamObserver<Done> response) {
    call(request.getSessionId(), response, backend -> {
      backend.write(plan(request.getPlan()), WireForms.fromProto(request.getWrite()));
      return Done.getDefaultInstance();
    });
  }

  @Override
  public void saveAsTable(SaveAsTableRequest request, StreamObserver<Done> response) {
    call(request.getSessionId(), response, backend -> {
      backend.saveAsTable(plan(request.getPlan()), request.getTable(), WireForms.fromProto(request.getWrite()));
      return Done.getDefaultInstance();
    });
  }

  @Override
  public void insertInto(InsertIntoRequest request, StreamObserver<Done> response) {
    call(request.getSessionId(), response, backend -> {
      backend.insertInto(plan(request.getPlan()), request.getTable(), request.getOverwrite());
      return Done.getDefaultInstance();
    });
  }

  @Override
  public void table(NameRequest request, StreamObserver<PlanResponse> response) {
    call(request.getSessionId(), response, backend -> planResponse(backend.table(request.getName())));
  }

  @Override
  public void createTempView(CreateTempViewRequest request, StreamObserver<Done> response) {
    call(request.getSessionId(), response, backend -> {
      backend.createTempView(request.getName(), plan(request.getPlan()), request.getReplace());
      return Done.getDefaultInstance();
    });
  }

  @Override
  public void dropTempView(NameRequest request, StreamObserver<BoolResponse> response) {
    call(request.getSessionId(), response, backend -> bool(backend.dropTempView(request.getName())));
  }

  @Override
  public void tableNames(SessionRef request, StreamObserver<TableNamesResponse> response) {
    call(request.getSessionId(), response,
        backend -> TableNamesResponse.newBuilder().addAllNames(backend.tableNames()).build());
  }

  @Override
  public void cache(CacheRequest request, StreamObserver<Done> response) {
    call(request.getSessionId(), response, backend -> {
      backend.cache(plan(request.getPlan()), request.getStorageLevel());
      return Done.getDefaultInstance();
    });
  }

  @Override
  public void uncache(PlanRequest request, StreamObserver<BoolResponse> response) {
    call(request.getSessionId(), response, backend -> bool(backend.uncache(plan(request.getPlan()))));
  }

  @Override
  public void isCached(PlanRequest request, StreamObserver<BoolResponse> response) {
    call(request.getSessionId(), response, backend -> bool(backend.isCached(plan(request.getPlan()))));
  }

  @Override
  public void clearCache(SessionRef request, StreamObserver<Done> response) {
    call(request.getSessionId(), response, backend -> {
      backend.clearCache();
      return Done.getDefaultInstance();
    });
  }

  /** Stops every session (the driver is shutting down). */
  @Override
  public void close() {
    reaper.shutdownNow();
    for (String id : List.copyOf(sessions.keySet())) {
      close(id, "the driver is shutting down");
    }
  }

  private void close(String id, String why) {
    ClientSession s = sessions.remove(id);
    if (s == null) {
      return;
    }
    LOG.info("Closing session {}: {}", id, why);
    for (StreamObserver<Done> attach : s.attachStreams) {
      try {
        attach.onCompleted();
      } catch (RuntimeException ignored) {
        // The stream was cancelled meanwhile: nothing to tell.
      }
    }
    try {
      s.backend.stop();
    } catch (RuntimeException e) {
      LOG.warn("Stopping session {} failed", id, e);
    }
  }

  private void closeIdleSessions() {
    long now = System.nanoTime();
    for (ClientSession s : sessions.values()) {
      if (s.attached.get() == 0 && s.callsInFlight.get() == 0 && now - s.lastUsedNanos > idleTimeoutNanos) {
        close(s.id, "no calls and no attached client for " + Duration.ofNanos(idleTimeoutNanos).toSeconds() + " s");
      }
    }
  }

  private <T> void call(String sessionId, StreamObserver<T> response, Function<SessionBackend, T> body) {
    ClientSession s = acquire(sessionId, response);
    if (s == null) {
      return;
    }
    try {
      respond(response, () -> body.apply(s.backend));
    } finally {
      release(s);
    }
  }

  private ClientSession acquire(String sessionId, StreamObserver<?> response) {
    ClientSession s = sessions.get(sessionId);
    if (s == null) {
      fail(response, sessionGone());
      return null;
    }
    s.callsInFlight.incrementAndGet();
    s.lastUsedNanos = System.nanoTime();
    return s;
  }

  private static void release(ClientSession s) {
    s.lastUsedNanos = System.nanoTime();
    s.callsInFlight.decrementAndGet();
  }

  private static <T> void respond(StreamObserver<T> response, java.util.function.Supplier<T> body) {
    T result;
    try {
      result = body.get();
    } catch (Throwable t) {
      fail(response, t);
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }

  private static void fail(StreamObserver<?> response, Throwable t) {
    if (!(t instanceof QuiverThrowable) && !(t instanceof IllegalArgumentException)
        && !(t instanceof UnsupportedOperationException)) {
      LOG.error("A client session's call failed unexpectedly", t);
    }
    if (t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    try {
      response.onError(ErrorTrailers.toStatus(ErrorSerde.toProto(t)));
    } catch (RuntimeException cancelled) {
      // The client is gone; nobody to tell.
    }
  }

  private static QuiverException sessionGone() {
    return new QuiverException("SESSION_NOT_FOUND", "This session is no longer open on the Quiver driver: it was "
        + "stopped, the driver restarted, or it was closed after its client went away. Create a new one with "
        + "Session.builder().getOrCreate().", null, null);
  }

  private static LogicalPlan plan(ByteString bytes) {
    return LogicalPlanSerde.fromBytes(bytes.toByteArray());
  }

  private static PlanResponse planResponse(LogicalPlan plan) {
    return PlanResponse.newBuilder().setPlan(ByteString.copyFrom(LogicalPlanSerde.toBytes(plan))).build();
  }

  private static BoolResponse bool(boolean value) {
    return BoolResponse.newBuilder().setValue(value).build();
  }
}
