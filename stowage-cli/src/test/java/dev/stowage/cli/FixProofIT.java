package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.build.Engine;
import dev.stowage.build.ImageSnapshot;
import dev.stowage.build.RealEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a Dockerfile and its {@code stowage fix} output with the real engine and compares the two
 * images ({@link ImageSnapshot}): every file (path, type, mode, owner, content digest) and the config (entrypoint, env,
 * working directory, user, ports, labels) must be identical, except CMD, which the DL3025 fix
 * turns from shell to exec form (and, on an Alpine image, ST3001's created user); both images
 * must print the same when run.
 */
class FixProofIT {
  @TempDir Path dir;

  private final List<String> images = new ArrayList<>();
  private Engine engine;

  @BeforeAll
  static void requireEngine() {
    RealEngine.engine(); // fails, never skips, without an engine; loads the base image
  }

  @AfterEach
  void removeWhatWeMade() throws Exception {
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

    ImageSnapshot before = ImageSnapshot.of(engine, tag + ":original");
    ImageSnapshot after = ImageSnapshot.of(engine, tag + ":fixed");
    assertThat(before.files()).containsKey("srv/out.txt").containsKey("srv/notes/notes.txt");
    assertThat(before.differences(after)).isEmpty();
    assertThat(before.config().cmd()).containsExactly("/bin/sh", "-c", "cat /srv/out.txt");
    assertThat(after.config().cmd()).containsExactly("cat", "/srv/out.txt");
    assertThat(new ImageSnapshot.Config(after.config().entrypoint(), before.config().cmd(), after.config().env(),
            after.config().workdir(), after.config().user(), after.config().exposedPorts(), after.config().labels()))
        .isEqualTo(before.config());

    assertThat(docker("run", "--rm", "--network=none", tag + ":fixed"))
        .isEqualTo(docker("run", "--rm", "--network=none", tag + ":original"))
        .isEqualTo(Files.readString(dir.resolve("app.txt")));
    assertThat(size(tag + ":fixed")).isLessThanOrEqualTo(size(tag + ":original"));
  }

  /**
   * ST3001 on an Alpine runtime image: the user is created with BusyBox's {@code addgroup} and
   * {@code adduser}, Alpine's own tools. No registry is reachable, so the fixtures' BusyBox image,
   * tagged as an {@code alpine} image, stands in for Alpine. The fixed image must differ only in
   * the account files and its USER, run as the created user and print what the original prints.
   */
  @Test
  void alpineRuntimeGetsAUserMadeWithBusyBox() throws Exception {
    engine = RealEngine.engine();
    String alpine = alpineStandIn();
    Files.writeString(dir.resolve("Dockerfile"), "FROM " + alpine + "\nCOPY app.txt /srv/app.txt\nCMD [\"cat\", \"/srv/app.txt\"]\n");
    Files.writeString(dir.resolve("app.txt"), UUID.randomUUID() + "\n");
    assertThat(fixWith("ST3001"))
        .contains("RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app -h /nonexistent -s /sbin/nologin app\n")
        .endsWith("USER 10001:10001\nCOPY app.txt /srv/app.txt\nCMD [\"cat\", \"/srv/app.txt\"]\n");

    String tag = "stowage-fixproof-" + UUID.randomUUID().toString().substring(0, 8);
    ImageSnapshot before = buildSnapshot(tag + ":original", "Dockerfile");
    ImageSnapshot after = buildSnapshot(tag + ":fixed", "Dockerfile.fixed");
    assertThat(before.differences(after))
        .extracting(ImageSnapshot.Difference::path)
        .contains("/etc/passwd", "/etc/group", "/etc/shadow")
        .allMatch(p -> p.matches("/etc/(passwd|group|shadow)-?"), "an account file or its backup");
    assertThat(after.config().user()).isEqualTo("10001:10001");
    assertThat(before.config().user()).isEmpty();

    assertThat(docker("run", "--rm", "--network=none", tag + ":fixed"))
        .isEqualTo(docker("run", "--rm", "--network=none", tag + ":original"))
        .isEqualTo(Files.readString(dir.resolve("app.txt")));
    assertThat(docker("run", "--rm", "--network=none", "--entrypoint", "id", tag + ":fixed"))
        .isEqualTo("uid=10001(app) gid=10001(app) groups=10001(app)\n");
    assertThat(docker("run", "--rm", "--network=none", "--entrypoint", "grep", tag + ":fixed", "^app:", "/etc/passwd"))
        .startsWith("app:x:10001:10001:")
        .endsWith(":/nonexistent:/sbin/nologin\n");
  }

  /**
   * ST3001 joins its user's creation to a short exec-form first RUN by writing that RUN in shell
   * form, each element quoted so that the shell changes nothing: the fixed image has the same
   * file the exec form wrote (a quote and a variable that only the inner shell expands), and only
   * the account files besides.
   */
  @Test
  void execFormFirstRunJoinedWithTheUserWritesTheSameFiles() throws Exception {
    engine = RealEngine.engine();
    String alpine = alpineStandIn();
    Files.writeString(dir.resolve("Dockerfile"),
        "FROM " + alpine + "\nRUN [\"sh\", \"-c\", \"echo \\\"it's $HOME\\\" > /greeting\"]\nCMD [\"cat\", \"/greeting\"]\n");
    assertThat(fixWith("ST3001")).contains("RUN sh -c 'echo \"it'\\''s $HOME\" > /greeting' && addgroup -S -g 10001 app && adduser ");

    String tag = "stowage-fixproof-" + UUID.randomUUID().toString().substring(0, 8);
    ImageSnapshot before = buildSnapshot(tag + ":original", "Dockerfile");
    ImageSnapshot after = buildSnapshot(tag + ":fixed", "Dockerfile.fixed");
    assertThat(before.files()).containsKey("greeting");
    assertThat(before.differences(after))
        .extracting(ImageSnapshot.Difference::path)
        .allMatch(p -> p.matches("/etc/(passwd|group|shadow)-?"), "an account file or its backup");
    assertThat(docker("run", "--rm", "--network=none", tag + ":fixed"))
        .isEqualTo(docker("run", "--rm", "--network=none", tag + ":original"))
        .isEqualTo("it's /root\n");
  }

  /**
   * {@code stowage fix --dockerignore} on a context that {@code COPY . .} sends whole: the image
   * built after the completion lacks exactly the paths of the added patterns (version control, a
   * cache, a secret-looking file), and still holds what the image runs on that the Dockerfile does
   * not make itself (a prebuilt {@code dist} beside package.json, {@code node_modules} with no
   * install step), and gains the {@code .dockerignore} file; it prints the same when run.
   */
  @Test
  void completedDockerignoreLeavesOutOnlyWhatTheImageDoesNotUse() throws Exception {
    engine = RealEngine.engine();
    Files.writeString(dir.resolve("Dockerfile"),
        "FROM dive-test:latest\nWORKDIR /app\nCOPY . .\nCMD [\"cat\", \"/app/dist/out.txt\", \"/app/node_modules/x/index.js\"]\n");
    Files.writeString(dir.resolve("package.json"), "{}\n");
    write("dist/out.txt", UUID.randomUUID() + "\n");
    write("node_modules/x/index.js", "module.exports = 1;\n");
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(".cache/tool/entry", "cached\n");
    write(".env", "TOKEN=not-for-the-image\n");
    String tag = "stowage-fixproof-" + UUID.randomUUID().toString().substring(0, 8);
    build(tag + ":original", "Dockerfile");

    Cli.Result fix = Cli.run("fix", "--no-config", "--dockerignore", "--write", "--no-backup", "--only", "DL3025",
        dir.resolve("Dockerfile").toString());
    assertThat(fix.exitCode()).as(fix.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve(".dockerignore")))
        .containsExactlyInAnyOrder("# added by stowage fix --dockerignore", ".git", ".cache", ".env");
    build(tag + ":ignored", "Dockerfile");

    ImageSnapshot before = ImageSnapshot.of(engine, tag + ":original");
    ImageSnapshot after = ImageSnapshot.of(engine, tag + ":ignored");
    assertThat(before.files()).containsKeys("app/.git/HEAD", "app/.env", "app/.cache/tool/entry");
    // The one addition: the .dockerignore file itself, which the context now holds.
    assertThat(before.differences(after))
        .filteredOn(d -> !(d.change() == ImageSnapshot.Change.ADDED && d.path().equals("/app/.dockerignore")))
        .allSatisfy(d -> {
          assertThat(d.change()).isEqualTo(ImageSnapshot.Change.REMOVED);
          assertThat(d.path()).matches("/app/(\\.git|\\.cache|\\.env)(/.*)?");
        })
        .extracting(ImageSnapshot.Difference::path)
        .contains("/app/.git/HEAD", "/app/.env", "/app/.cache/tool/entry");
    assertThat(after.files()).containsKeys("app/dist/out.txt", "app/node_modules/x/index.js", "app/package.json");
    assertThat(after.config()).isEqualTo(before.config());
    assertThat(docker("run", "--rm", "--network=none", tag + ":ignored"))
        .isEqualTo(docker("run", "--rm", "--network=none", tag + ":original"))
        .isEqualTo(Files.readString(dir.resolve("dist/out.txt")) + "module.exports = 1;\n");
  }

  /** The fixtures' BusyBox image tagged as an {@code alpine} image (no registry is reachable). */
  private String alpineStandIn() throws Exception {
    String alpine = "alpine:stowage-fixproof-" + UUID.randomUUID().toString().substring(0, 8);
    docker("tag", "dive-test:latest", alpine);
    images.add(alpine);
    return alpine;
  }

  /** {@code stowage fix --only RULE} of the Dockerfile, written to Dockerfile.fixed and returned. */
  private String fixWith(String rule) throws Exception {
    Cli.Result fix = Cli.run("fix", "--no-config", "--only", rule, dir.resolve("Dockerfile").toString());
    assertThat(fix.exitCode()).as(fix.err()).isZero();
    Files.writeString(dir.resolve("Dockerfile.fixed"), fix.out());
    return fix.out();
  }

  private ImageSnapshot buildSnapshot(String tag, String dockerfile) throws Exception {
    build(tag, dockerfile);
    return ImageSnapshot.of(engine, tag);
  }

  private void write(String relative, String content) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private void build(String tag, String dockerfile) throws Exception {
    images.add(tag);
    docker("build", "--network=none", "-q", "-t", tag, "-f", dir.resolve(dockerfile).toString(), dir.toString());
  }

  private long size(String image) throws Exception {
    return Long.parseLong(docker("image", "inspect", "--format", "{{.Size}}", image).strip());
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
