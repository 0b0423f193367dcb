package dev.stowage.examples.units;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code GET /api/convert?value=3&from=km&to=mi} and {@code GET /healthz} on $PORT
 * (default 8080); stops on SIGTERM.
 */
public final class Main {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Main() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", ex -> reply(ex, 200, Map.of("status", "ok")));
    server.createContext("/api/convert", Main::convert);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    server.start();
    System.out.println("listening on " + server.getAddress().getPort());
  }

  private static void convert(HttpExchange ex) throws IOException {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    String from = q.getOrDefault("from", "");
    String to = q.getOrDefault("to", "");
    double value;
    try {
      value = Double.parseDouble(q.getOrDefault("value", ""));
    } catch (NumberFormatException e) {
      reply(ex, 400, Map.of("error", "value must be a number"));
      return;
    }
    Optional<Double> result = Units.convert(value, from, to);
    if (result.isEmpty()) {
      reply(ex, 400, Map.of("error", "cannot convert " + from + " to " + to));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("value", value);
    body.put("from", from);
    body.put("to", to);
    body.put("result", result.get());
    reply(ex, 200, body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
