package dev.stowage.examples.wordstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsServerTest {
  private StatsServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = new StatsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/stats"))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersStatsAsJson() throws Exception {
    HttpResponse<String> r = post("{\"text\": \"Red fish. Blue fish.\", \"top\": 1}");
    assertEquals(200, r.statusCode());
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertEquals(4, json.get("words").asInt());
    assertEquals(2, json.get("sentences").asInt());
    assertEquals("fish", json.at("/topWords/0/word").asText());
    assertEquals(2, json.at("/topWords/0/count").asInt());
  }

  @Test
  void badRequestsSayWhy() throws Exception {
    assertEquals(400, post("{").statusCode());
    assertEquals(400, post("{\"txt\": \"x\"}").statusCode());
    HttpResponse<String> r = post("{\"text\": \"x\", \"top\": 1000}");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("top is between 0 and 100"), r.body());
  }
}
