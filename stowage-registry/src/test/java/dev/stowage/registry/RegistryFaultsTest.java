package dev.stowage.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.dockerfile.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers no real registry gives on purpose, from a small broken server (fault injection). */
class RegistryFaultsTest {
  private HttpServer server;
  private volatile Handler handler;

  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        handler.handle(ex);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ImageReference ref(String rest) {
    return ImageReference.parse("127.0.0.1:" + server.getAddress().getPort() + "/" + rest);
  }

  private static void reply(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    ex.getResponseBody().write(body);
  }

  // The test server never finishes a TLS handshake: give up on TLS at once.
  private final RegistryClient client = RegistryClient.create(r -> Optional.empty(), Set.of(), Duration.ofMillis(200));

  @Test
  void serverErrorsAndThrottlingAreEnvironmentProblems() {
    for (int status : new int[] {500, 503, 429}) {
      handler = ex -> reply(ex, status, "application/json", "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"down\"}]}".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> client.manifest(ref("app:1")))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isEnvironment()).isTrue())
          .hasMessageContaining("answered " + status)
          .hasMessageContaining("UNAVAILABLE down");
    }
  }

  @Test
  void schemaOneManifestsAreRefused() {
    handler = ex -> reply(ex, 200, "application/vnd.docker.distribution.manifest.v1+prettyjws", "{}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> client.manifest(ref("old:1")))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.INVALID))
        .hasMessageContaining("unsupported manifest type application/vnd.docker.distribution.manifest.v1+prettyjws");
  }

  @Test
  void manifestNotMatchingTheDigestAskedForIsRefused() {
    handler = ex -> reply(ex, 200, "application/vnd.oci.image.manifest.v1+json", "{\"layers\":[]}".getBytes(StandardCharsets.UTF_8));
    String digest = "sha256:" + "0".repeat(64);
    assertThatThrownBy(() -> client.manifest(ref("app@" + digest)))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.INVALID))
        .hasMessageContaining("manifest " + digest + " has content digest sha256:");
  }

  @Test
  void truncatedBlobFailsItsDigestAtTheEnd() throws Exception {
    handler = ex -> reply(ex, 200, "application/octet-stream", "partial".getBytes(StandardCharsets.UTF_8));
    String digest = Digests.sha256("partial content".getBytes(StandardCharsets.UTF_8));
    try (InputStream in = client.blob(ref("app:1"), digest)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(RegistryException.class).hasMessageContaining("not " + digest);
    }
  }

  @Test
  void redirectLoopsEnd() {
    handler = ex -> {
      ex.getResponseHeaders().set("Location", ex.getRequestURI().toString());
      reply(ex, 302, null, new byte[0]);
    };
    assertThatThrownBy(() -> client.manifest(ref("loop:1"))).hasMessageContaining("more than 5 redirects");
  }

  @Test
  void redirectToPlainHttpElsewhereIsRefused() {
    handler = ex -> {
      ex.getResponseHeaders().set("Location", "http://storage.example.com/blob");
      reply(ex, 307, null, new byte[0]);
    };
    assertThatThrownBy(() -> client.blob(ref("app:1"), "sha256:" + "1".repeat(64)))
        .hasMessageContaining("refusing redirect to http://storage.example.com");
  }

  @Test
  void bearerRealmOverPlainHttpElsewhereIsRefused() {
    handler = ex -> {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"http://auth.example.com/token\",service=\"x\"");
      reply(ex, 401, null, new byte[0]);
    };
    assertThatThrownBy(() -> client.manifest(ref("app:1")))
        .hasMessageContaining("refusing token realm http://auth.example.com/token");
  }

  @Test
  void tokenServerAnsweringNonsenseIsAnInvalidAnswerNotAnOutage() {
    handler = ex -> {
      if (ex.getRequestURI().getPath().equals("/token")) {
        reply(ex, 200, "text/html", "<html>".getBytes(StandardCharsets.UTF_8));
        return;
      }
      ex.getResponseHeaders().set("WWW-Authenticate",
          "Bearer realm=\"http://127.0.0.1:" + server.getAddress().getPort() + "/token\",service=\"x\"");
      reply(ex, 401, null, new byte[0]);
    };
    assertThatThrownBy(() -> client.manifest(ref("app:1")))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.INVALID))
        .hasMessageContaining("token answer: not JSON");
  }

  @Test
  void plainHttpOnlyForLoopbackAndNamedRegistries() {
    RegistryClient c = RegistryClient.create(r -> Optional.empty(), Set.of("registry.lan:5000"));
    assertThat(c.plainHttpAllowed("localhost:5000")).isTrue();
    assertThat(c.plainHttpAllowed("127.0.0.2")).isTrue();
    assertThat(c.plainHttpAllowed("[::1]:5000")).isTrue();
    assertThat(c.plainHttpAllowed("registry.lan:5000")).isTrue();
    assertThat(c.plainHttpAllowed("registry.lan")).isFalse();
    assertThat(c.plainHttpAllowed("localhost.evil.com")).isFalse();
  }
}
