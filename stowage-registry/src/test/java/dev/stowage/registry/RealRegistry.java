package dev.stowage.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension running a real CNCF Distribution registry (Debian's {@code docker-registry}) on
 * 127.0.0.1 on a free port, with its own temporary configuration and storage: anonymous, with
 * htpasswd basic authentication, or with token authentication against a {@link TokenServer}.
 * Images are pushed with Debian's {@code skopeo}. Fails, never skips, when either program is
 * missing: scripts/test installs them. Register it with {@code @RegisterExtension static}.
 */
public final class RealRegistry implements BeforeAllCallback, AfterAllCallback {
  /** How the registry authenticates. */
  public enum Auth {
    NONE,
    BASIC,
    TOKEN
  }

  /** The user every authenticated registry accepts. */
  public static final Credentials USER = new Credentials("stowage", "stowage-test-password");

  private static final String REGISTRY = "/usr/bin/docker-registry";
  private static final String SKOPEO = "skopeo";

  private final Auth auth;
  private Path dir;
  private Process process;
  private int port;
  private TokenServer tokens;

  private RealRegistry(Auth auth) {
    this.auth = auth;
  }

  public static RealRegistry anonymous() {
    return new RealRegistry(Auth.NONE);
  }

  public static RealRegistry withBasicAuth() {
    return new RealRegistry(Auth.BASIC);
  }

  public static RealRegistry withTokenAuth() {
    return new RealRegistry(Auth.TOKEN);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  /** {@code 127.0.0.1:PORT}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public Auth auth() {
    return auth;
  }

  /** The token server of a {@link Auth#TOKEN} registry. */
  public TokenServer tokenServer() {
    if (tokens == null) {
      throw new IllegalStateException("not a token-auth registry");
    }
    return tokens;
  }

  /** Where the registry's credentials come from in a client: {@link #USER} for this host only. */
  public RegistryClient.CredentialSource credentials() {
    return registry -> auth != Auth.NONE && registry.equals(host()) ? Optional.of(USER) : Optional.empty();
  }

  void start() throws Exception {
    if (!Files.isExecutable(Path.of(REGISTRY))) {
      throw new AssertionError(
          "the real registry is required: " + REGISTRY + " is missing (apt-get install docker-registry skopeo)");
    }
    dir = Files.createTempDirectory("stowage-registry-");
    port = freePort();
    StringBuilder config = new StringBuilder();
    config.append("version: 0.1\n")
        .append("log:\n  level: error\n  accesslog:\n    disabled: true\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("storage")).append('\n')
        .append("  delete:\n    enabled: true\n")
        .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
    switch (auth) {
      case NONE -> {}
      case BASIC -> {
        Path htpasswd = dir.resolve("htpasswd");
        try (InputStream in = RealRegistry.class.getResourceAsStream("htpasswd")) {
          Files.write(htpasswd, in.readAllBytes());
        }
        config.append("auth:\n  htpasswd:\n    realm: stowage-test\n    path: ").append(htpasswd).append('\n');
      }
      case TOKEN -> {
        tokens = TokenServer.start(dir.resolve("token"), USER);
        config.append("auth:\n  token:\n")
            .append("    realm: ").append(tokens.realm()).append('\n')
            .append("    service: ").append(TokenServer.SERVICE).append('\n')
            .append("    issuer: ").append(TokenServer.ISSUER).append('\n')
            .append("    rootcertbundle: ").append(tokens.certificate()).append('\n');
      }
    }
    Path configFile = dir.resolve("config.yml");
    Files.writeString(configFile, config);
    process =
        new ProcessBuilder(REGISTRY, "serve", configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    waitUntilUp();
  }

  private void waitUntilUp() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
      }
      try {
        int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("docker-registry did not answer within 30 s: " + Files.readString(dir.resolve("registry.log")));
  }

  /**
   * Pushes {@code source} (a skopeo transport such as {@code docker-archive:/x.tar} or {@code
   * oci:/dir:tag}) to {@code repository:tag} here; {@code all} copies every image of an index.
   */
  public void push(String source, String repositoryAndTag, boolean all) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(SKOPEO, "--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false"));
    if (all) {
      cmd.add("--all");
    }
    if (auth != Auth.NONE) {
      cmd.add("--dest-creds");
      cmd.add(USER.username() + ":" + USER.secret());
    }
    cmd.add(source);
    cmd.add("docker://" + host() + "/" + repositoryAndTag);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOME", dir.toString()); // no user auth files, no shared state
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError("skopeo is required (apt-get install skopeo): " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("skopeo copy " + source + " failed: " + out);
    }
  }

  /**
   * Replaces the stored content of blob {@code digest} by other bytes (fault injection: the
   * registry then serves content that does not match its digest); returns the original content.
   */
  public byte[] corruptBlob(String digest) throws IOException {
    Path data = blobData(digest);
    byte[] bytes = Files.readAllBytes(data);
    // A gzip member of other content: readable, but with another digest.
    var out = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(new byte[1024]); // an empty tar: two zero blocks
    }
    if (java.util.Arrays.equals(bytes, out.toByteArray())) {
      throw new IllegalStateException("blob already holds the replacement");
    }
    Files.write(data, out.toByteArray());
    return bytes;
  }

  /** Puts back what {@link #corruptBlob} replaced. */
  public void restoreBlob(String digest, byte[] original) throws IOException {
    Files.write(blobData(digest), original);
  }

  private Path blobData(String digest) {
    String hex = digest.substring(digest.indexOf(':') + 1);
    return dir.resolve("storage/docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
  }

  void stop() throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    if (tokens != null) {
      tokens.close();
    }
    if (dir != null) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The shared fixtures folder of dive's image archives. */
  public static Path diveFixtures() {
    String prop = System.getProperty("stowage.shared");
    for (String c : new String[] {prop, "../shared", "../../shared"}) {
      if (c != null && Files.isDirectory(Path.of(c, "fixtures/images/dive"))) {
        return Path.of(c, "fixtures/images/dive").toAbsolutePath().normalize();
      }
    }
    throw new AssertionError("shared fixtures not found (set -Dstowage.shared=DIR)");
  }
}
