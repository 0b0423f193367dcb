package dev.stowage.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.dockerfile.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * A client of the OCI distribution API ({@code /v2/}) on {@link java.net.http}: fetches manifests
 * and indexes by tag or digest and streams blobs, each checked against its digest.
 *
 * <p>Authentication follows the registry's {@code WWW-Authenticate} challenge: anonymous first,
 * then {@code Basic} with the configured credentials, or a {@code Bearer} token fetched from the
 * challenge's realm with its service and scope (with the credentials, when there are any; an
 * identity token through OAuth2's refresh-token grant) and cached per realm, service and scope
 * until it expires. Redirects are followed (at most 5), and
 * the {@code Authorization} header is only ever sent to the registry's own host. Plain HTTP is
 * used only for loopback hosts and the registries named insecure, and only when TLS fails there.
 *
 * <p>Thread-safe.
 */
public final class RegistryClient {
  /** The media types of the manifests and indexes Stowage reads, in the Accept header's order. */
  public static final List<String> MANIFEST_TYPES =
      List.of(
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_MANIFEST_BYTES = 4 << 20; // real manifests and indexes are a few kB
  private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
  /** Until the response headers arrive; a blob's body may then take as long as it takes. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** Where credentials come from: the registry host (with port) to its credentials. */
  @FunctionalInterface
  public interface CredentialSource {
    Optional<Credentials> credentials(String registry) throws RegistryException;
  }

  private final HttpClient http;
  private final CredentialSource credentials;
  private final Set<String> insecure;
  private final Map<String, String> schemes = new ConcurrentHashMap<>();
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Optional<Credentials>> credentialCache = new ConcurrentHashMap<>();

  private record Token(String value, Instant expires) {}

  private final Duration probeTimeout;

  private RegistryClient(CredentialSource credentials, Set<String> insecure, Duration timeout, Duration probeTimeout) {
    this.credentials = credentials;
    this.probeTimeout = probeTimeout;
    this.insecure = Set.copyOf(insecure);
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * A client.
   *
   * @param credentials credentials per registry ({@link DockerConfig#credentials} fits)
   * @param insecureRegistries registries (host[:port]) that may be reached over plain HTTP besides
   *     the loopback ones
   */
  public static RegistryClient create(CredentialSource credentials, Set<String> insecureRegistries) {
    return new RegistryClient(credentials, insecureRegistries, Duration.ofSeconds(15), PROBE_TIMEOUT);
  }

  /** A client that gives up on TLS with a loopback or insecure registry after {@code probeTimeout}. */
  static RegistryClient create(CredentialSource credentials, Set<String> insecureRegistries, Duration probeTimeout) {
    return new RegistryClient(credentials, insecureRegistries, Duration.ofSeconds(15), probeTimeout);
  }

  /** A manifest or index as the registry served it. */
  public record Manifest(String mediaType, String digest, byte[] bytes) {
    /** Whether this is an index (a manifest list) rather than an image manifest. */
    public boolean isIndex() {
      return mediaType.equals(MANIFEST_TYPES.get(0)) || mediaType.equals(MANIFEST_TYPES.get(2));
    }
  }

  /**
   * Fetches the manifest or index {@code ref} names (its digest if it has one, else its tag, else
   * {@code latest}); a digest reference is checked against the bytes.
   */
  public Manifest manifest(ImageReference ref) throws RegistryException {
    String target = ref.digest().or(ref::effectiveTag).orElseThrow();
    return manifest(ref, target);
  }

  /** Fetches the manifest or index {@code tagOrDigest} of {@code ref}'s repository. */
  public Manifest manifest(ImageReference ref, String tagOrDigest) throws RegistryException {
    String action = "pulling " + ref;
    HttpResponse<InputStream> r =
        send(ref, "/manifests/" + tagOrDigest, String.join(", ", MANIFEST_TYPES), action);
    byte[] bytes;
    try (InputStream in = r.body()) {
      bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.UNREACHABLE, action + ": " + e.getMessage(), e);
    }
    if (bytes.length > MAX_MANIFEST_BYTES) {
      throw new RegistryException(
          RegistryException.Reason.INVALID, action + ": manifest larger than " + MAX_MANIFEST_BYTES + " bytes");
    }
    String digest = Digests.sha256(bytes);
    if (tagOrDigest.contains(":") && !tagOrDigest.equals(Digests.of(tagOrDigest, bytes, action))) {
      throw new RegistryException(
          RegistryException.Reason.INVALID,
          action + ": manifest " + tagOrDigest + " has content digest " + Digests.of(tagOrDigest, bytes, action));
    }
    String mediaType = r.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].strip();
    if (mediaType.isEmpty() || mediaType.equals("application/json")) {
      mediaType = mediaTypeOf(bytes, action);
    }
    if (!MANIFEST_TYPES.contains(mediaType)) {
      throw new RegistryException(
          RegistryException.Reason.INVALID,
          action + ": unsupported manifest type " + mediaType + " (Docker v2 schema 2 or OCI needed)");
    }
    return new Manifest(mediaType, digest, bytes);
  }

  private static String mediaTypeOf(byte[] bytes, String action) throws RegistryException {
    JsonNode n = Digests.json(bytes, action);
    String declared = n.path("mediaType").asText("");
    if (!declared.isEmpty()) {
      return declared;
    }
    return n.has("manifests") ? MANIFEST_TYPES.get(0) : MANIFEST_TYPES.get(1);
  }

  /**
   * Streams the blob {@code digest} of {@code ref}'s repository; the stream fails at its end when
   * the bytes do not hash to the digest.
   */
  public InputStream blob(ImageReference ref, String digest) throws RegistryException {
    String action = "pulling blob " + digest + " of " + ref;
    HttpResponse<InputStream> r = send(ref, "/blobs/" + digest, "*/*", action);
    return new VerifiedStream(r.body(), digest, action);
  }

  private HttpResponse<InputStream> send(
      ImageReference ref, String path, String accept, String action)
      throws RegistryException {
    String registry = ref.registry();
    String host = ref.isDockerHub() ? "registry-1.docker.io" : registry;
    String scope = "repository:" + ref.repository() + ":pull";
    String suffix = "/v2/" + ref.repository() + path;
    boolean retried = false;
    while (true) {
      Optional<String> auth = authorization(registry, scope, action);
      HttpResponse<InputStream> r = exchange(host, suffix, accept, auth, action);
      int status = r.statusCode();
      if (status == 401 && !retried) {
        String header = r.headers().firstValue("WWW-Authenticate").orElse("");
        discard(r);
        Optional<Challenge> c = Challenge.parse(header);
        if (c.isEmpty()) {
          throw new RegistryException(
              RegistryException.Reason.UNAUTHORIZED, action + ": unauthorized (401) without a challenge");
        }
        challenges.put(registry, c.get());
        tokens.remove(tokenKey(c.get(), scope));
        retried = true;
        continue;
      }
      if (status >= 200 && status < 300) {
        return r;
      }
      String detail = errorDetail(r);
      switch (status) {
        case 401, 403 -> throw new RegistryException(
            RegistryException.Reason.UNAUTHORIZED,
            action + ": " + (status == 401 ? "unauthorized" : "denied") + " (" + status + ")" + detail
                + (credentials(registry).isEmpty() ? "; no credentials for " + registry + " in the docker config" : ""));
        case 404 -> throw new RegistryException(
            RegistryException.Reason.NOT_FOUND, action + ": not found (404)" + detail);
        default -> {
          if (status == 429 || status >= 500) {
            throw new RegistryException(
                RegistryException.Reason.UNREACHABLE, action + ": registry answered " + status + detail);
          }
          throw new RegistryException(
              RegistryException.Reason.INVALID, action + ": unexpected answer " + status + detail);
        }
      }
    }
  }

  /** The Authorization header for a request of {@code scope}, from the last challenge seen. */
  private Optional<String> authorization(String registry, String scope, String action)
      throws RegistryException {
    Challenge c = challenges.get(registry);
    if (c == null) {
      return Optional.empty();
    }
    return switch (c.scheme()) {
      case "basic" -> credentials(registry).map(Credentials::basicHeader);
      case "bearer" -> Optional.of("Bearer " + token(registry, c, scope, action));
      default -> throw new RegistryException(
          RegistryException.Reason.UNAUTHORIZED,
          action + ": unsupported authentication scheme " + c.scheme());
    };
  }

  private static String tokenKey(Challenge c, String scope) {
    return c.parameter("realm").orElse("") + " " + c.parameter("service").orElse("") + " " + scope;
  }

  /** A bearer token for {@code scope} (token authentication specification), cached until expiry. */
  private String token(String registry, Challenge c, String scope, String action) throws RegistryException {
    String key = tokenKey(c, scope);
    Token cached = tokens.get(key);
    if (cached != null && Instant.now().isBefore(cached.expires())) {
      return cached.value();
    }
    String realm = c.parameter("realm").orElseThrow(
        () -> new RegistryException(RegistryException.Reason.INVALID, action + ": bearer challenge without realm"));
    URI realmUri;
    try {
      realmUri = URI.create(realm);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(RegistryException.Reason.INVALID, action + ": invalid token realm " + realm, e);
    }
    if (realmUri.getHost() == null
        || !(realmUri.getScheme().equals("https") || realmUri.getScheme().equals("http") && plainHttpAllowed(authority(realmUri)))) {
      throw new RegistryException(
          RegistryException.Reason.INVALID, action + ": refusing token realm " + realm + " (https needed)");
    }
    StringBuilder query = new StringBuilder();
    c.parameter("service").ifPresent(s -> query.append("service=").append(encode(s)).append('&'));
    query.append("scope=").append(encode(scope));
    Optional<Credentials> creds = credentials(registry);
    HttpRequest request;
    if (creds.isPresent() && creds.get().isIdentityToken()) {
      // OAuth2 refresh-token grant (token specification, "oauth"): the identity token never
      // travels as a password.
      String form = query + "&grant_type=refresh_token&client_id=stowage&refresh_token=" + encode(creds.get().secret());
      request = HttpRequest.newBuilder(realmUri)
          .POST(HttpRequest.BodyPublishers.ofString(form))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .timeout(REQUEST_TIMEOUT)
          .build();
    } else {
      URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(REQUEST_TIMEOUT);
      creds.ifPresent(cr -> b.header("Authorization", cr.basicHeader()));
      request = b.build();
    }
    HttpResponse<InputStream> r = call(request, action + ": fetching a token from " + realm);
    if (r.statusCode() != 200) {
      String detail = errorDetail(r);
      throw new RegistryException(
          RegistryException.Reason.UNAUTHORIZED,
          action + ": token server " + realm + " answered " + r.statusCode() + detail);
    }
    byte[] body;
    try (InputStream in = r.body()) {
      body = in.readNBytes(1 << 20);
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.UNREACHABLE, action + ": " + e.getMessage(), e);
    }
    JsonNode answer = Digests.json(body, action + ": token answer");
    String value = answer.path("token").asText(answer.path("access_token").asText(""));
    if (value.isEmpty()) {
      throw new RegistryException(RegistryException.Reason.INVALID, action + ": token answer without token");
    }
    long seconds = answer.path("expires_in").asLong(DEFAULT_TOKEN_LIFETIME.toSeconds());
    // Renew a little early so that a token never expires between check and use.
    Instant expires = Instant.now().plusSeconds(Math.max(0, seconds - 10));
    tokens.put(key, new Token(value, expires));
    return value;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Looked up once per registry: a credential helper is a process. */
  private Optional<Credentials> credentials(String registry) throws RegistryException {
    Optional<Credentials> known = credentialCache.get(registry);
    if (known == null) {
      known = credentials.credentials(registry);
      credentialCache.put(registry, known);
    }
    return known;
  }

  /** One request and its redirects; the scheme is https, or http where allowed and TLS fails. */
  private HttpResponse<InputStream> exchange(
      String host, String path, String accept, Optional<String> auth, String action)
      throws RegistryException {
    String scheme = schemes.getOrDefault(host, "https");
    // A TLS handshake with a plain HTTP server may never end: probe briefly where HTTP may follow.
    boolean probing = !schemes.containsKey(host) && plainHttpAllowed(host);
    URI uri = URI.create(scheme + "://" + host + path);
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri)
              .GET()
              .header("Accept", accept)
              .timeout(hop == 0 && probing ? probeTimeout : REQUEST_TIMEOUT);
      if (auth.isPresent() && authority(uri).equals(host)) {
        b.header("Authorization", auth.get());
      }
      HttpResponse<InputStream> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (hop == 0) {
          schemes.putIfAbsent(host, scheme);
        }
      } catch (SSLException | HttpTimeoutException e) {
        if (hop == 0 && probing) {
          schemes.put(host, "http");
          return exchange(host, path, accept, auth, action);
        }
        if (e instanceof HttpTimeoutException) {
          throw unreachable(action, uri, e);
        }
        throw new RegistryException(
            RegistryException.Reason.UNREACHABLE,
            action + ": TLS with " + authority(uri) + " failed: " + e.getMessage()
                + (plainHttpAllowed(host) ? "" : " (plain http only for loopback or --insecure-registry)"),
            e);
      } catch (IOException e) {
        throw unreachable(action, uri, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(RegistryException.Reason.UNREACHABLE, action + ": interrupted", e);
      }
      int status = r.statusCode();
      if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
        return r;
      }
      String location = r.headers().firstValue("Location").orElse("");
      discard(r);
      if (location.isEmpty() || hop >= MAX_REDIRECTS) {
        throw new RegistryException(
            RegistryException.Reason.INVALID,
            action + ": " + (location.isEmpty() ? "redirect without Location" : "more than " + MAX_REDIRECTS + " redirects"));
      }
      uri = uri.resolve(location);
      if (!uri.getScheme().equals("https") && !(uri.getScheme().equals("http") && plainHttpAllowed(authority(uri)))) {
        throw new RegistryException(
            RegistryException.Reason.INVALID, action + ": refusing redirect to " + uri.getScheme() + "://" + authority(uri));
      }
    }
  }

  private HttpResponse<InputStream> call(HttpRequest request, String action) throws RegistryException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreachable(action, request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(RegistryException.Reason.UNREACHABLE, action + ": interrupted", e);
    }
  }

  private static RegistryException unreachable(String action, URI uri, IOException e) {
    String why =
        e instanceof java.net.ConnectException && e.getMessage() == null
            ? "connection refused"
            : e instanceof java.net.http.HttpTimeoutException
                ? "timed out"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new RegistryException(
        RegistryException.Reason.UNREACHABLE,
        action + ": " + uri.getScheme() + "://" + authority(uri) + " unreachable (" + why + ")",
        e);
  }

  private static String authority(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** Loopback hosts and the registries named insecure may use plain HTTP. */
  boolean plainHttpAllowed(String hostPort) {
    if (insecure.contains(hostPort)) {
      return true;
    }
    String h = hostPort;
    if (h.startsWith("[")) {
      h = h.substring(1, h.indexOf(']'));
    } else if (h.indexOf(':') >= 0) {
      h = h.substring(0, h.lastIndexOf(':'));
    }
    h = h.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("::1") || h.startsWith("127.");
  }

  private static void discard(HttpResponse<InputStream> r) {
    try (InputStream in = r.body()) {
      in.skip(Long.MAX_VALUE);
    } catch (IOException e) {
      // the body of an answer that is not used: nothing to recover
    }
  }

  /** {@code : CODE message} from a distribution error body, or nothing. */
  private static String errorDetail(HttpResponse<InputStream> r) {
    try (InputStream in = r.body()) {
      byte[] body = in.readNBytes(64 * 1024);
      JsonNode n = MAPPER.readTree(body);
      JsonNode first = n == null ? null : n.path("errors").path(0);
      if (first != null && first.isObject()) {
        String code = first.path("code").asText("");
        String message = first.path("message").asText("");
        return ": " + (code + " " + message).strip();
      }
    } catch (IOException e) {
      // not a distribution error body
    }
    return "";
  }
}
