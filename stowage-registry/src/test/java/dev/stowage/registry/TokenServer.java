package dev.stowage.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The realm of a token-auth registry in tests: issues RS256 JSON web tokens (with the signing
 * certificate in {@code x5c}, as the registry's {@code rootcertbundle} verifies them) granting
 * the scopes asked for, to {@link RealRegistry#USER} only. The key pair and certificate are made
 * by the JDK's keytool. Records the scopes of the requests it answered.
 */
public final class TokenServer implements AutoCloseable {
  static final String SERVICE = "stowage-test-registry";
  static final String ISSUER = "stowage-test-issuer";
  /** The identity (refresh) token the server accepts in the OAuth2 refresh-token grant. */
  static final String IDENTITY_TOKEN = "stowage-test-identity-token";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final Path certificate;
  private final PrivateKey key;
  private final byte[] certificateDer;
  private final Credentials user;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private TokenServer(HttpServer server, Path certificate, PrivateKey key, byte[] der, Credentials user) {
    this.server = server;
    this.certificate = certificate;
    this.key = key;
    this.certificateDer = der;
    this.user = user;
  }

  static TokenServer start(Path dir, Credentials user) throws Exception {
    Files.createDirectories(dir);
    Path store = dir.resolve("token.p12");
    Path pem = dir.resolve("token.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=stowage-test-token", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
    run(keytool, "-exportcert", "-rfc", "-alias", "token", "-keystore", store.toString(),
        "-storepass", "changeit", "-file", pem.toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey("token", "changeit".toCharArray());
    Certificate cert = ks.getCertificate("token");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    TokenServer t = new TokenServer(server, pem, key, cert.getEncoded(), user);
    server.createContext("/token", t::handle);
    server.start();
    return t;
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
    }
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  Path certificate() {
    return certificate;
  }

  /** The {@code scope} parameters of the token requests answered so far, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, List<String>> query;
      if (ex.getRequestMethod().equals("POST")) {
        // OAuth2 refresh-token grant: the form carries service, scope and the identity token.
        query = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!query.getOrDefault("grant_type", List.of()).equals(List.of("refresh_token"))
            || !query.getOrDefault("refresh_token", List.of()).equals(List.of(IDENTITY_TOKEN))) {
          reply(ex, 401, "{\"details\":\"bad refresh token\"}");
          return;
        }
      } else {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals(user.basicHeader())) {
          reply(ex, 401, "{\"details\":\"bad credentials\"}");
          return;
        }
        query = query(ex.getRequestURI().getRawQuery());
      }
      if (!query.getOrDefault("service", List.of()).equals(List.of(SERVICE))) {
        reply(ex, 400, "{\"details\":\"unknown service\"}");
        return;
      }
      List<String> scopes = query.getOrDefault("scope", List.of());
      requests.add(String.join(" ", scopes));
      String tokenField = ex.getRequestMethod().equals("POST") ? "access_token" : "token";
      reply(ex, 200, MAPPER.writeValueAsString(Map.of(tokenField, jwt(scopes), "expires_in", 300)));
    } catch (Exception e) {
      reply(ex, 500, "{}");
    }
  }

  private String jwt(List<String> scopes) throws Exception {
    ObjectNode header = MAPPER.createObjectNode().put("typ", "JWT").put("alg", "RS256");
    header.putArray("x5c").add(Base64.getEncoder().encodeToString(certificateDer));
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = MAPPER.createObjectNode()
        .put("iss", ISSUER).put("sub", user.username()).put("aud", SERVICE)
        .put("exp", now + 300).put("nbf", now - 10).put("iat", now)
        .put("jti", UUID.randomUUID().toString());
    ArrayNode access = claims.putArray("access");
    for (String scope : scopes) {
      for (String one : scope.split(" ")) {
        String[] parts = one.split(":");
        if (parts.length < 3) {
          continue;
        }
        String name = String.join(":", java.util.Arrays.asList(parts).subList(1, parts.length - 1));
        ObjectNode grant = access.addObject().put("type", parts[0]).put("name", name);
        ArrayNode actions = grant.putArray("actions");
        for (String a : parts[parts.length - 1].split(",")) {
          actions.add(a);
        }
      }
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput = b64.encodeToString(MAPPER.writeValueAsBytes(header)) + "."
        + b64.encodeToString(MAPPER.writeValueAsBytes(claims));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(s.sign());
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
