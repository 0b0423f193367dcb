package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.build.Engine;
import dev.stowage.build.RealEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a Dockerfile and its {@code stowage fix} output with the real engine and compares the two
 * images: every file (path, type, mode, owner, content digest) and the config (entrypoint, env,
 * working directory, user, ports, labels) must be identical, except CMD, which the DL3025 fix
 * turns from shell to exec form; both images must print the same when run.
 */
class FixProofIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private final List<String> images = new ArrayList<>();
  private final List<String> containers = new ArrayList<>();
  private Engine engine;

  @BeforeAll
  static void requireEngine() {
    RealEngine.engine(); // fails, never skips, without an engine; loads the base image
  }

  @AfterEach
  void removeWhatWeMade() throws Exception {
    for (String c : containers) {
      docker("rm", "-f", c);
    }
    for (String i : images) {
      docker("rmi", "-f", i);
    }
  }

  @Test
  void fixedDockerfileBuildsTheSameFilesAndConfig() throws Exception {
    engine = RealEngine.engine();
    String original =
        """
        FROM dive-test:latest AS build
        ADD app.txt /src/app.txt
        RUN cd /src && cp app.txt out.txt && chmod 640 out.txt
        FROM dive-test:latest
        COPY --from=build /src /srv
        ADD notes.txt /srv/notes/
        ENV GREETING=hello
        CMD cat /srv/out.txt
        """;
    Files.writeString(dir.resolve("Dockerfile"), original);
    Files.writeString(dir.resolve("app.txt"), UUID.randomUUID() + "\n");
    Files.writeString(dir.resolve("notes.txt"), "notes\n");
    Cli.Result fix = Cli.run("fix", "--no-config", "--explain", dir.resolve("Dockerfile").toString());
    assertThat(fix.exitCode()).as(fix.err()).isZero();
    String fixed = fix.out();
    assertThat(fixed)
        .contains("COPY app.txt /src/app.txt", "WORKDIR /src", "COPY notes.txt /srv/notes/")
        .contains("CMD [\"cat\", \"/srv/out.txt\"]");
    Files.writeString(dir.resolve("Dockerfile.fixed"), fixed);

    String tag = "stowage-fixproof-" + UUID.randomUUID().toString().substring(0, 8);
    build(tag + ":original", "Dockerfile");
    build(tag + ":fixed", "Dockerfile.fixed");

    assertThat(files(tag + ":fixed")).isEqualTo(files(tag + ":original"));

    ObjectNode before = config(tag + ":original");
    ObjectNode after = config(tag + ":fixed");
    assertThat(before.get("Cmd").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"cat /srv/out.txt\"]");
    assertThat(after.get("Cmd").toString()).isEqualTo("[\"cat\",\"/srv/out.txt\"]");
    before.remove("Cmd");
    after.remove("Cmd");
    assertThat(after).isEqualTo(before);

    assertThat(docker("run", "--rm", "--network=none", tag + ":fixed"))
        .isEqualTo(docker("run", "--rm", "--network=none", tag + ":original"))
        .isEqualTo(Files.readString(dir.resolve("app.txt")));
    assertThat(size(tag + ":fixed")).isLessThanOrEqualTo(size(tag + ":original"));
  }

  private void build(String tag, String dockerfile) throws Exception {
    images.add(tag);
    docker("build", "--network=none", "-q", "-t", tag, "-f", dir.resolve(dockerfile).toString(), dir.toString());
  }

  /** The config fields a fix must not change by accident. */
  private ObjectNode config(String image) throws Exception {
    JsonNode c = MAPPER.readTree(docker("image", "inspect", "--format", "{{json .Config}}", image));
    ObjectNode out = MAPPER.createObjectNode();
    for (String f : List.of("Cmd", "Entrypoint", "Env", "WorkingDir", "User", "ExposedPorts", "Labels", "Volumes", "StopSignal")) {
      out.set(f, c.get(f));
    }
    return out;
  }

  private long size(String image) throws Exception {
    return Long.parseLong(docker("image", "inspect", "--format", "{{.Size}}", image).strip());
  }

  /** Path to type, mode, owner and content digest of every file of the image's filesystem. */
  private Map<String, String> files(String image) throws Exception {
    String id = docker("create", image).strip();
    containers.add(id);
    ProcessBuilder pb = new ProcessBuilder(engine.client().toString(), "export", id);
    pb.environment().putAll(engine.environment());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    Map<String, String> out = new TreeMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(p.getInputStream())) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String digest = e.isFile() ? sha256(tar) : e.isSymbolicLink() ? "-> " + e.getLinkName() : "";
        out.put(
            e.getName(),
            (e.isDirectory() ? "d" : e.isSymbolicLink() ? "l" : e.isFile() ? "f" : "o")
                + " " + Integer.toOctalString(e.getMode()) + " " + e.getLongUserId() + ":" + e.getLongGroupId()
                + " " + digest);
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).containsKey("srv/out.txt").containsKey("srv/notes/notes.txt");
    return out;
  }

  private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private String docker(String... args) throws Exception {
    Engine e = engine != null ? engine : RealEngine.engine();
    List<String> cmd = new ArrayList<>();
    cmd.add(e.client().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(e.environment());
    pb.redirectErrorStream(false);
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    if (!args[0].equals("rm") && !args[0].equals("rmi")) {
      assertThat(p.exitValue()).as("docker %s: %s", String.join(" ", args), err).isZero();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
