package dev.stowage.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hidden: runs the common commands in-process on a built-in sample so that the launcher can record
 * a JVM start-up cache (JDK 25 AOT cache) covering the code paths users hit.
 */
@Command(name = "internal-train", hidden = true, description = "Exercise common paths (start-up cache training).")
final class TrainCommand implements Callable<Integer> {
  static final String SAMPLE =
      """
      # syntax=docker/dockerfile:1
      ARG NODE_VERSION=22
      FROM node:${NODE_VERSION}-bookworm AS build
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN --mount=type=cache,target=/root/.npm npm ci
      COPY . .
      RUN npm run build && \\
          npm prune --omit=dev
      FROM node:${NODE_VERSION}-bookworm-slim
      ENV NODE_ENV=production
      COPY --from=build /app /app
      RUN apt-get update && apt-get install -y --no-install-recommends curl \\
          && rm -rf /var/lib/apt/lists/*
      USER node
      EXPOSE 3000
      HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1
      CMD ["node", "/app/server.js"]
      """;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("stowage-train");
    Path file = dir.resolve("Dockerfile");
    try {
      Files.writeString(file, SAMPLE, StandardCharsets.UTF_8);
      for (List<String> args : commands(file)) {
        CommandLine cl = StowageCommand.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.execute(args.toArray(String[]::new));
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
    return ExitCode.OK.code();
  }

  private static List<List<String>> commands(Path file) {
    String f = file.toString();
    String dir = file.getParent().toString();
    return List.of(
        List.of("parse", f),
        List.of("parse", "--format", "text", f),
        List.of("lint", "--no-shellcheck", f),
        List.of("lint", "--no-shellcheck", "--format", "json", f),
        List.of("check", dir),
        List.of("check", "--format", "json", dir),
        List.of("lint", "--list-rules"),
        List.of("--help"),
        List.of("parse", "--help"));
  }
}
