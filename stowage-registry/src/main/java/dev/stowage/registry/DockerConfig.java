package dev.stowage.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The credentials of the docker config file ({@code $DOCKER_CONFIG/config.json}, else {@code
 * ~/.docker/config.json}): a registry's {@code credHelpers} entry, else the {@code credsStore},
 * run as {@code docker-credential-NAME get}; else its {@code auths} entry ({@code identitytoken},
 * else {@code auth}, base64 of {@code user:password}, else {@code username} and {@code
 * password}). Immutable; helpers run on each lookup.
 */
public final class DockerConfig {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The key Docker files Docker Hub's credentials under. */
  static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

  private final Path file;
  private final JsonNode root;
  private final Map<String, String> env;

  private DockerConfig(Path file, JsonNode root, Map<String, String> env) {
    this.file = file;
    this.root = root;
    this.env = Map.copyOf(env);
  }

  /** No configuration: every registry is used anonymously. */
  public static DockerConfig empty() {
    return new DockerConfig(Path.of("config.json"), MAPPER.createObjectNode(), Map.of());
  }

  /**
   * Reads the config file named by {@code env}; a missing file is an empty configuration.
   *
   * @throws IllegalArgumentException naming the file when it is not a JSON object
   */
  public static DockerConfig load(Map<String, String> env) throws IOException {
    Path file =
        Optional.ofNullable(env.get("DOCKER_CONFIG"))
            .filter(s -> !s.isEmpty())
            .map(d -> Path.of(d, "config.json"))
            .orElseGet(
                () -> Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker", "config.json"));
    return read(file, env);
  }

  /** Reads {@code file}; helpers are looked up on {@code env}'s PATH. */
  public static DockerConfig read(Path file, Map<String, String> env) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new DockerConfig(file, MAPPER.createObjectNode(), env);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": not a JSON object");
    }
    return new DockerConfig(file, root, env);
  }

  /**
   * The credentials for {@code registry} (a host with an optional port; {@code docker.io} for
   * Docker Hub), or empty to go anonymous.
   *
   * @throws RegistryException when a credential helper is named but fails
   */
  public Optional<Credentials> credentials(String registry) throws RegistryException {
    String serverUrl = registry.equals("docker.io") ? DOCKER_HUB_KEY : registry;
    Optional<String> helper = text(root.path("credHelpers").get(registry));
    if (helper.isEmpty()) {
      helper = text(root.get("credsStore"));
    }
    if (helper.isPresent()) {
      Optional<Credentials> fromHelper = runHelper(helper.get(), serverUrl);
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    JsonNode auths = root.path("auths");
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (host(e.getKey()).equals(host(serverUrl)) || matchesHub(registry, e.getKey())) {
        Optional<Credentials> c = fromAuth(e.getKey(), e.getValue());
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean matchesHub(String registry, String key) {
    return registry.equals("docker.io")
        && List.of("index.docker.io", "docker.io", "registry-1.docker.io").contains(host(key));
  }

  /** A key such as {@code https://host:5000/v1/} reduced to {@code host:5000}. */
  static String host(String key) {
    String k = key;
    int scheme = k.indexOf("://");
    if (scheme >= 0) {
      k = k.substring(scheme + 3);
    }
    int slash = k.indexOf('/');
    return slash >= 0 ? k.substring(0, slash) : k;
  }

  private Optional<Credentials> fromAuth(String key, JsonNode entry) {
    Optional<String> identityToken = text(entry.get("identitytoken"));
    if (identityToken.isPresent()) {
      return Optional.of(Credentials.identityToken(identityToken.get()));
    }
    Optional<String> auth = text(entry.get("auth"));
    if (auth.isPresent()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.get().strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": auths." + key + ".auth is not base64", e);
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(file + ": auths." + key + ".auth is not base64 of user:password");
      }
      return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
    Optional<String> user = text(entry.get("username"));
    Optional<String> password = text(entry.get("password"));
    if (user.isPresent() && password.isPresent()) {
      return Optional.of(new Credentials(user.get(), password.get()));
    }
    return Optional.empty();
  }

  /**
   * Runs {@code docker-credential-NAME get} with the server URL on standard input; its answer is
   * {@code {"ServerURL", "Username", "Secret"}}. "Not found" answers (exit status 1) are empty.
   */
  private Optional<Credentials> runHelper(String name, String serverUrl) throws RegistryException {
    String program = "docker-credential-" + name;
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(file + ": invalid credential helper name \"" + name + "\"");
    }
    Path exe = onPath(program);
    List<String> cmd = new ArrayList<>(List.of(exe.toString(), "get"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE);
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // A helper that exits without reading its input: its status and message tell why.
      }
      byte[] out = p.getInputStream().readNBytes(1 << 20);
      String err = new String(p.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new RegistryException(
            RegistryException.Reason.UNREACHABLE, "running " + program + " get: no answer within 30 s");
      }
      if (p.exitValue() != 0) {
        String said = (new String(out, StandardCharsets.UTF_8) + " " + err).strip();
        if (said.toLowerCase(java.util.Locale.ROOT).contains("not found")) {
          return Optional.empty();
        }
        throw new RegistryException(
            RegistryException.Reason.UNAUTHORIZED,
            "running " + program + " get for " + serverUrl + ": exit " + p.exitValue() + ": " + said);
      }
      JsonNode answer = MAPPER.readTree(out);
      Optional<String> user = text(answer.get("Username"));
      Optional<String> secret = text(answer.get("Secret"));
      if (secret.isEmpty()) {
        return Optional.empty();
      }
      // An identity token comes with the user name "<token>".
      return Optional.of(new Credentials(user.orElse(Credentials.IDENTITY_TOKEN_USER), secret.get()));
    } catch (IOException e) {
      if (e instanceof RegistryException r) {
        throw r;
      }
      throw new RegistryException(
          RegistryException.Reason.UNREACHABLE, "running " + program + " get: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(RegistryException.Reason.UNREACHABLE, "running " + program + ": interrupted", e);
    }
  }

  private Path onPath(String program) throws RegistryException {
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program);
      }
    }
    throw new RegistryException(
        RegistryException.Reason.UNAUTHORIZED,
        file + " names the credential helper " + program + ", which is not on PATH");
  }

  private static Optional<String> text(JsonNode n) {
    return n != null && n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "DockerConfig[" + file + "]";
  }
}
