package dev.stowage.examples.wordstats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * The HTTP API: {@code POST /api/stats} with {@code {"text": "...", "top": 5, "locale": "en"}}
 * answers {@link TextStats} as JSON; {@code GET /healthz} answers {@code ok}.
 */
public final class StatsServer implements AutoCloseable {
  /** The largest request body accepted, in bytes. */
  static final int MAX_BODY = 1 << 20;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;

  public StatsServer(InetSocketAddress address) throws IOException {
    server = HttpServer.create(address, 0);
    server.createContext("/healthz", ex -> respond(ex, 200, "text/plain; charset=utf-8", "ok\n".getBytes(StandardCharsets.UTF_8)));
    server.createContext("/api/stats", this::stats);
    server.setExecutor(Executors.newFixedThreadPool(4));
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
  }

  private void stats(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("POST")) {
      ex.getResponseHeaders().add("Allow", "POST");
      error(ex, 405, "method not allowed");
      return;
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      error(ex, 413, "the body is larger than " + MAX_BODY + " bytes");
      return;
    }
    JsonNode req;
    try {
      req = json.readTree(body);
    } catch (JsonProcessingException e) {
      error(ex, 400, "invalid JSON: " + e.getOriginalMessage());
      return;
    }
    if (req == null || !req.isObject() || !req.path("text").isTextual()) {
      error(ex, 400, "send {\"text\": \"...\"}");
      return;
    }
    int top = req.path("top").asInt(10);
    if (top < 0 || top > 100) {
      error(ex, 400, "top is between 0 and 100");
      return;
    }
    Locale locale = Locale.forLanguageTag(req.path("locale").asText("en"));
    TextStats stats = TextStats.of(req.get("text").asText(), top, locale);
    respond(ex, 200, "application/json", json.writeValueAsBytes(stats));
  }

  private void error(HttpExchange ex, int status, String message) throws IOException {
    ObjectNode node = json.createObjectNode().put("error", message);
    respond(ex, status, "application/json", json.writeValueAsBytes(node));
  }

  private static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
