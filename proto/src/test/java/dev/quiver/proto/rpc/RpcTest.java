package dev.quiver.proto.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A real loopback server with an echo method, reached with and without the shared secret. */
class RpcTest {
  private static final MethodDescriptor<byte[], byte[]> ECHO = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("test.Echo/Echo")
      .setRequestMarshaller(new Bytes())
      .setResponseMarshaller(new Bytes())
      .build();

  private static final BindableService ECHO_SERVICE = () -> ServerServiceDefinition.builder("test.Echo")
      .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
        response.onNext(request);
        response.onCompleted();
      }))
      .build();

  private static byte[] call(Server server, Optional<String> secret, byte[] payload) {
    ManagedChannel channel = Rpc.channel("127.0.0.1", server.getPort(), secret);
    try {
      return ClientCalls.blockingUnaryCall(channel, ECHO, io.grpc.CallOptions.DEFAULT, payload);
    } finally {
      Rpc.close(channel);
    }
  }

  @Test
  void theRightSecretIsAccepted() throws IOException {
    Server server = Rpc.startServer("127.0.0.1", 0, Optional.of("s3cret"), List.of(ECHO_SERVICE));
    try {
      assertArrayEquals(new byte[] {1, 2, 3}, call(server, Optional.of("s3cret"), new byte[] {1, 2, 3}));
    } finally {
      Rpc.close(server);
    }
  }

  @Test
  void aMissingOrWrongSecretIsRefusedWithAClearMessage() throws IOException {
    Server server = Rpc.startServer("127.0.0.1", 0, Optional.of("s3cret"), List.of(ECHO_SERVICE));
    try {
      StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
          () -> call(server, Optional.empty(), new byte[] {1}));
      assertEquals(Status.Code.UNAUTHENTICATED, missing.getStatus().getCode());
      assertEquals(SecretServerInterceptor.MISSING, missing.getStatus().getDescription());
      assertTrue(missing.getStatus().getDescription().contains("quiver.authenticate.secret"));
      assertTrue(missing.getStatus().getDescription().contains("QUIVER_SECRET"));

      StatusRuntimeException wrong = assertThrows(StatusRuntimeException.class,
          () -> call(server, Optional.of("s3cret2"), new byte[] {1}));
      assertEquals(Status.Code.UNAUTHENTICATED, wrong.getStatus().getCode());
      assertEquals(SecretServerInterceptor.WRONG, wrong.getStatus().getDescription());
    } finally {
      Rpc.close(server);
    }
  }

  @Test
  void withoutAConfiguredSecretEveryCallIsServed() throws IOException {
    Server server = Rpc.startServer("127.0.0.1", 0, Optional.empty(), List.of(ECHO_SERVICE));
    try {
      assertArrayEquals(new byte[] {7}, call(server, Optional.empty(), new byte[] {7}));
      assertArrayEquals(new byte[] {8}, call(server, Optional.of("anything"), new byte[] {8}));
    } finally {
      Rpc.close(server);
    }
  }

  @Test
  void messagesBeyondGrpcsDefaultFourMebibytesGetThrough() throws IOException {
    byte[] big = new byte[24 << 20];
    new Random(42).nextBytes(big);
    Server server = Rpc.startServer("127.0.0.1", 0, Optional.of("k"), List.of(ECHO_SERVICE));
    try {
      assertArrayEquals(big, call(server, Optional.of("k"), big));
    } finally {
      Rpc.close(server);
    }
  }

  @Test
  void theSettingWinsOverTheEnvironmentAndBlankMeansUnset() {
    assertEquals(Optional.of("a"), SharedSecret.resolve(Map.of(SharedSecret.SETTING, "a"), "b"));
    assertEquals(Optional.of("b"), SharedSecret.resolve(Map.of(), "b"));
    assertEquals(Optional.of("b"), SharedSecret.resolve(Map.of(SharedSecret.SETTING, " "), "b"));
    assertEquals(Optional.empty(), SharedSecret.resolve(Map.of(), ""));
    assertEquals(Optional.empty(), SharedSecret.resolve(Map.of(), null));
  }

  @Test
  void comparisonIsExact() {
    assertTrue(SharedSecret.matches("abc", "abc"));
    assertFalse(SharedSecret.matches("abc", "abd"));
    assertFalse(SharedSecret.matches("abc", "ab"));
    assertFalse(SharedSecret.matches("abc", ""));
  }

  private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
