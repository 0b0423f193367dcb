package dev.stowage.registry;

import static dev.stowage.registry.Analyses.assertSameAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redirects between hosts (fault injection in front of a real registry): a front that demands
 * basic credentials and redirects every request to another host, which records what it received
 * and redirects on to the registry.
 */
class RedirectIT {
  @RegisterExtension static final RealRegistry REGISTRY = RealRegistry.anonymous();
  private static final Path ARCHIVE = RealRegistry.diveFixtures().resolve("test-docker-image.tar");

  @Test
  void followsRedirectsAndSendsCredentialsOnlyToTheRegistryHost() throws Exception {
    REGISTRY.push("docker-archive:" + ARCHIVE, "moved/app:1", false);
    List<String> relayed = new CopyOnWriteArrayList<>();
    HttpServer relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    relay.createContext("/", ex -> {
      relayed.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      redirect(ex, "http://" + REGISTRY.host() + ex.getRequestURI());
    });
    HttpServer front = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    front.createContext("/", ex -> {
      if (!RealRegistry.USER.basicHeader().equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"front\"");
        ex.sendResponseHeaders(401, -1);
        ex.close();
        return;
      }
      redirect(ex, "http://localhost:" + relay.getAddress().getPort() + ex.getRequestURI());
    });
    relay.start();
    front.start();
    try {
      String frontHost = "127.0.0.1:" + front.getAddress().getPort();
      RegistryClient client =
          RegistryClient.create(
              r -> r.equals(frontHost) ? Optional.of(RealRegistry.USER) : Optional.empty(), Set.of(), Duration.ofMillis(200));

      assertSameAnalysis(
          Analyses.pulled(client, frontHost + "/moved/app:1", Optional.empty()),
          Analyses.local("docker-archive:" + ARCHIVE));
      assertThat(relayed).hasSizeGreaterThan(14).containsOnly("null");
    } finally {
      front.stop(0);
      relay.stop(0);
    }
  }

  private static void redirect(HttpExchange ex, String location) throws java.io.IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(307, -1);
    ex.close();
  }
}
