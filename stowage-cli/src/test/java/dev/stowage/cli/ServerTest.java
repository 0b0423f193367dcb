package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.client.Client;
import dev.stowage.client.Protocol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm server ({@code internal-serve}) and its client: a run through the real {@link Client}
 * from another working directory must print exactly what a direct run prints there, byte for byte,
 * with the same exit code. Direct runs are real {@code java} processes started in the project
 * folder; the server runs in this JVM, whose working directory is the module's.
 */
class ServerTest {
  @TempDir Path tmp;

  Path project;
  /** The working directory of clients and direct runs. */
  Path workdir;
  Path socket;
  Server server;
  private Thread serving;

  /** One process's result. */
  record Run(int code, byte[] out, byte[] err) {
    String text() {
      return "exit " + code + "\n--- out\n" + new String(out, StandardCharsets.UTF_8)
          + "--- err\n" + new String(err, StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void start() throws Exception {
    project = tmp.resolve("project");
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(".hadolint.yaml", "ignored: [DL3007]\n");
    write("app/Dockerfile", "FROM debian:latest\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\n");
    write("app/.dockerignore", "secret.txt\n");
    write("app/secret.txt", "s3cr3t\n");
    write("svc/.stowage.yaml", "ignored: [DL3008]\n");
    write("svc/Dockerfile", "FROM ubuntu\nRUN apt-get install -y curl\nCOPY secret.txt /s\n");
    write("svc/Dockerfile.dockerignore", "secret.txt\n");
    write("svc/secret.txt", "s3cr3t\n");
    write("conf/custom.yaml", "ignored: [DL3006]\n");
    write("conf/broken.yaml", "ignored: [DL3006\n");
    write("ctx/placeholder.txt", "x\n");
    // a fix that reads the build context: the manifests of the moved install
    write("web/Dockerfile", "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n");
    write("web/package.json", "{\"name\": \"web\", \"dependencies\": {\"express\": \"^4.19.2\"}}\n");
    write("web/package-lock.json", "{\"lockfileVersion\": 3}\n");
    workdir = project;
    assertThat(Path.of("").toAbsolutePath()).isNotEqualTo(project);
    socket = tmp.resolve("run/stowage.sock");
    server = new Server(socket, Duration.ofMinutes(5));
    serving = Thread.ofPlatform().daemon().start(server::serve);
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
    serving.join(10_000);
  }

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void servedRunsPrintWhatDirectRunsPrint() throws Exception {
    List<List<String>> commands =
        List.of(
            List.of("lint", "--no-shellcheck", "app/Dockerfile", "svc/Dockerfile"),
            List.of("lint", "--no-shellcheck", "--format", "json", "."),
            List.of("lint", "--no-shellcheck", "--format", "json", "--context", "ctx", "app/Dockerfile"),
            List.of("lint", "--no-shellcheck", "--config", "conf/custom.yaml", "svc/Dockerfile"),
            List.of("lint", "--config", "conf/broken.yaml", "svc/Dockerfile"),
            List.of("lint", "svc/Dockerfile"),
            List.of("lint", "--no-shellcheck", "nowhere/Dockerfile"),
            List.of("check", "--no-shellcheck"),
            List.of("check", "--no-shellcheck", "--format", "json", "svc"),
            List.of("parse", "app/Dockerfile"),
            List.of("parse", "--format", "text", "svc/Dockerfile"),
            List.of("parse", "--bogus", "svc/Dockerfile"),
            List.of("fix", "app/Dockerfile"),
            List.of("fix", "--diff", "--explain", "svc/Dockerfile"),
            List.of("fix", "--format", "json", "--only", "DL3025", "app/Dockerfile"),
            List.of("fix", "--dockerignore", "--diff", "app/Dockerfile"),
            List.of("fix", "--only", "NOPE", "app/Dockerfile"),
            List.of("fix", "--diff", "web/Dockerfile"));
    for (List<String> args : commands) {
      Run direct = direct(args, Map.of(), new byte[0]);
      Run served = served(args, Map.of(), new byte[0]);
      assertThat(served.text()).as("%s", args).isEqualTo(direct.text());
      assertThat(served.out()).as("%s", args).isEqualTo(direct.out());
      assertThat(served.err()).as("%s", args).isEqualTo(direct.err());
    }
  }

  @Test
  void aLargeReportArrivesWhole() throws Exception {
    // Some hundred kilobytes of findings over many frames, from the parallel, streamed path.
    for (int i = 0; i < 150; i++) {
      write("many/" + i + ".Dockerfile",
          "FROM ubuntu\nRUN cd /tmp && apt-get update && apt-get install -y curl wget\n"
              + "RUN apt-get install -y git\nCMD echo " + i + "\n");
    }
    for (String format : List.of("json", "tty")) {
      List<String> args = List.of("lint", "--no-shellcheck", "--format", format, "many");
      Run direct = direct(args, Map.of(), new byte[0]);
      Run served = served(args, Map.of(), new byte[0]);
      assertThat(direct.out().length).isGreaterThan(200_000);
      assertThat(served.code()).isEqualTo(direct.code());
      assertThat(served.out()).as(format).isEqualTo(direct.out());
      assertThat(served.err()).isEqualTo(direct.err());
    }
  }

  @Test
  void servedRunsUseTheClientsEnvironmentAndStdin() throws Exception {
    byte[] dockerfile = "FROM alpine:latest\nRUN cd /tmp && echo $HOME\n".getBytes(StandardCharsets.UTF_8);
    // Without shellcheck on PATH the run warns; with it, SC findings appear. Both as directly.
    Map<String, String> noShellcheck = Map.of("PATH", "/nonexistent");
    List<String> args = List.of("lint", "--format", "json", "-");
    Run direct = direct(args, noShellcheck, dockerfile);
    assertThat(direct.err()).asString(StandardCharsets.UTF_8).contains("shellcheck is not on PATH");
    assertThat(served(args, noShellcheck, dockerfile).text()).isEqualTo(direct.text());
    Run withShellcheck = direct(args, Map.of(), dockerfile);
    assertThat(served(args, Map.of(), dockerfile).text()).isEqualTo(withShellcheck.text());
    // $HOME's configuration (read when neither the Dockerfile's folders nor $PWD have one) is
    // the client's.
    write("home/.hadolint.yaml", "ignored: [DL3007]\n");
    workdir = tmp.resolve("elsewhere");
    Files.createDirectories(workdir);
    Files.writeString(workdir.resolve("Dockerfile"), "FROM alpine:latest\n");
    Map<String, String> home = Map.of("HOME", project.resolve("home").toString());
    List<String> lintElsewhere = List.of("lint", "--no-shellcheck", "Dockerfile");
    Run directHome = direct(lintElsewhere, home, new byte[0]);
    assertThat(directHome.text()).doesNotContain("DL3007");
    assertThat(direct(lintElsewhere, Map.of(), new byte[0]).text()).contains("DL3007");
    assertThat(served(lintElsewhere, home, new byte[0]).text()).isEqualTo(directHome.text());
  }

  @Test
  void coloursFollowTheClientsTerminalAndNoColor() throws Exception {
    byte[] dockerfile = "FROM alpine:latest\n".getBytes(StandardCharsets.UTF_8);
    List<String> args = List.of("lint", "--no-shellcheck", "-");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("NO_COLOR");
    env.put("TERM", "xterm");
    Run onTerminal = inProcess(args, env, true, dockerfile);
    assertThat(new String(onTerminal.out(), StandardCharsets.UTF_8)).contains("\u001b[");
    Cli.Result direct = directOnTerminal(dockerfile, args, env);
    assertThat(new String(onTerminal.out(), StandardCharsets.UTF_8)).isEqualTo(direct.out());
    env.put("NO_COLOR", "1");
    Run noColor = inProcess(args, env, true, dockerfile);
    assertThat(new String(noColor.out(), StandardCharsets.UTF_8)).doesNotContain("\u001b[").contains("ST3001");
  }

  /** A direct run on a terminal (in this JVM, as a terminal cannot be faked for a process). */
  Cli.Result directOnTerminal(byte[] stdin, List<String> args, Map<String, String> env) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl =
        StowageCommand.forArgs(
            args.toArray(String[]::new),
            new RunEnvironment(project, env, new ByteArrayInputStream(stdin), new Terminal(true)));
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    int code = cl.execute(args.toArray(String[]::new));
    return new Cli.Result(code, out.toString(), err.toString());
  }

  @Test
  void unsupportedCommandsAndMissingServersMeanRunItYourself() throws Exception {
    for (List<String> args :
        List.<List<String>>of(
            List.of("build", "."),
            List.of("fix", "--write", "app/Dockerfile"),
            List.of("--version"),
            List.of("lint", "--help"),
            List.of("help", "lint"),
            List.of("image", "x.tar"),
            List.<String>of())) {
      Run r = inProcess(args, System.getenv(), false, new byte[0]);
      assertThat(r.code()).as("%s", args).isEqualTo(Protocol.RUN_DIRECTLY);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEmpty();
    }
    Protocol.Request request = request(List.of("lint", "x"), System.getenv(), false);
    assertThat(Client.run(tmp.resolve("no/such.sock"), request, InputStream.nullInputStream(),
            new ByteArrayOutputStream(), new ByteArrayOutputStream()))
        .isEqualTo(Protocol.RUN_DIRECTLY);
    // A client whose JVM decodes file names differently is not served.
    Map<String, String> properties = new LinkedHashMap<>(request.properties());
    properties.put("sun.jnu.encoding", "ISO-8859-1".equals(System.getProperty("sun.jnu.encoding")) ? "UTF-8" : "ISO-8859-1");
    Protocol.Request other =
        new Protocol.Request(Protocol.VERSION, project.toString(), System.getenv(),
            List.of("parse", "app/Dockerfile"), false, properties);
    assertThat(Client.run(socket, other, InputStream.nullInputStream(),
            new ByteArrayOutputStream(), new ByteArrayOutputStream()))
        .isEqualTo(Protocol.RUN_DIRECTLY);
  }

  @Test
  void aClientThatGoesAwayCancelsItsRun() throws Exception {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      byte[] payload = request(List.of("lint", "--no-shellcheck", "-"), System.getenv(), false).encode();
      Protocol.write(ch, Protocol.REQUEST, payload, 0, payload.length);
      Protocol.Frame f = Protocol.read(ch);
      assertThat(f.type()).isEqualTo(Protocol.NEED_STDIN);
      assertThat(server.activeRuns()).isEqualTo(1);
    } // closed without sending standard input: the run, blocked on it, must end
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.activeRuns() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.activeRuns()).isZero();
  }

  @Test
  void servesTwoClientsAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    InputStream slowStdin =
        new InputStream() {
          private final InputStream text = new ByteArrayInputStream("FROM ubuntu\n".getBytes(StandardCharsets.UTF_8));

          @Override
          public int read() throws IOException {
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            return text.read();
          }
        };
    ByteArrayOutputStream slowOut = new ByteArrayOutputStream();
    CompletableFuture<Integer> slow =
        CompletableFuture.supplyAsync(
            () -> Client.run(socket, request(List.of("parse", "-"), System.getenv(), false),
                slowStdin, slowOut, new ByteArrayOutputStream()));
    // While the first run waits for its input, a second one completes.
    Run quick = inProcess(List.of("parse", "--format", "text", "svc/Dockerfile"), System.getenv(), false, new byte[0]);
    assertThat(quick.code()).isZero();
    assertThat(new String(quick.out(), StandardCharsets.UTF_8)).contains("FROM ubuntu");
    assertThat(slow).isNotDone();
    release.countDown();
    assertThat(slow.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(slowOut.toString(StandardCharsets.UTF_8)).contains("\"base\": \"ubuntu\"");
  }

  @Test
  void stopsWhenIdleAndRemovesItsSocket() throws Exception {
    Path idleSocket = tmp.resolve("idle/s.sock");
    Server idle = new Server(idleSocket, Duration.ofSeconds(1));
    assertThat(Files.getPosixFilePermissions(idleSocket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(idleSocket.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    Thread t = Thread.ofPlatform().daemon().start(idle::serve);
    t.join(15_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(idleSocket).doesNotExist();
  }

  @Test
  void refusesAndLeavesAloneAFolderOpenToOthers() throws Exception {
    Path shared = Files.createDirectories(tmp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Server(shared.resolve("s.sock"), Duration.ofSeconds(5)))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("open to other users");
    assertThat(Files.getPosixFilePermissions(shared))
        .isEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(shared.resolve("s.sock")).doesNotExist();
  }

  @Test
  void refusesASecondServerOnALiveSocket() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Server(socket, Duration.ofSeconds(5)))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("already listens");
  }

  private Protocol.Request request(List<String> args, Map<String, String> env, boolean console) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String p : Protocol.PROPERTIES) {
      String v = System.getProperty(p);
      if (v != null) {
        properties.put(p, v);
      }
    }
    return new Protocol.Request(Protocol.VERSION, workdir.toString(), env, args, console, properties);
  }

  private Run inProcess(List<String> args, Map<String, String> env, boolean console, byte[] stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Client.run(socket, request(args, env, console), new ByteArrayInputStream(stdin), out, err);
    return new Run(code, out.toByteArray(), err.toByteArray());
  }

  /** {@code stowage ARGS} as a process of its own in the project folder. */
  Run direct(List<String> args, Map<String, String> env, byte[] stdin) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    return process(cmd, env, stdin);
  }

  /** {@code stowage ARGS} through the client, a process of its own in the project folder. */
  Run served(List<String> args, Map<String, String> env, byte[] stdin) throws Exception {
    List<String> cmd = new ArrayList<>(client(socket));
    cmd.addAll(args);
    Run r = process(cmd, env, stdin);
    assertThat(r.code()).as("served %s", args).isNotEqualTo(Protocol.RUN_DIRECTLY);
    return r;
  }

  /** The client process's command line up to the command's arguments. */
  List<String> client(Path socket) {
    return List.of(java(), "-cp", System.getProperty("java.class.path"), Client.class.getName(), socket.toString());
  }

  Run process(List<String> cmd, Map<String, String> env, byte[] stdin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workdir.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (var in = p.getOutputStream()) {
      in.write(stdin);
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err.get());
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
