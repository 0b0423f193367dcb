package dev.stowage.examples.wordstats;

import java.net.InetSocketAddress;

/** Starts the service on $PORT (default 8080) and stops it on SIGTERM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    StatsServer server = new StatsServer(new InetSocketAddress(port));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    server.start();
    System.out.println("listening on " + server.port());
  }
}
