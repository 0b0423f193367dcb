package dev.stowage.build.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a run's Dockerfile comes from: its project, its path and the context's relative to the
 * git root, the checked-out commit and the Dockerfile's digest. Immutable.
 *
 * @param project the git remote {@code origin} URL, else the git root, else the context (absolute)
 * @param dockerfile relative to the git root with {@code /} when inside one, else absolute
 * @param context likewise
 * @param gitCommit the commit {@code HEAD} names, when in a git work tree
 * @param dockerfileDigest {@code sha256:HEX} of the Dockerfile's bytes
 */
public record Provenance(
    String project, String dockerfile, String context, Optional<String> gitCommit, String dockerfileDigest) {

  /** Reads the provenance of a build of {@code context} with {@code dockerfile}, asking {@code git}. */
  public static Provenance of(Path context, Path dockerfile) throws IOException {
    Path ctx = context.toAbsolutePath().normalize();
    Path file = dockerfile.toAbsolutePath().normalize();
    String digest = "sha256:" + HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
    Optional<Path> root = git(file.getParent(), "rev-parse", "--show-toplevel").map(Path::of).map(p -> p.toAbsolutePath().normalize());
    if (root.isEmpty()) {
      return new Provenance(ctx.toString(), file.toString(), ctx.toString(), Optional.empty(), digest);
    }
    Path r = root.get();
    Optional<String> commit = git(r, "rev-parse", "--verify", "-q", "HEAD");
    // A remote URL may carry a token (https://user:token@host/...): keep only the host and path.
    String project = git(r, "config", "--get", "remote.origin.url").map(u -> u.replaceAll("//[^/@]+@", "//")).orElse(r.toString());
    return new Provenance(project, relative(r, file), relative(r, ctx), commit, digest);
  }

  /**
   * The key under which {@code dockerfile} is stored: as {@link #of} computes it, without the
   * digest (the file need not exist any more).
   */
  public static String key(Path dockerfile) {
    Path file = dockerfile.toAbsolutePath().normalize();
    Path dir = file.getParent();
    while (dir != null && !Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    Optional<Path> root = dir == null ? Optional.empty() : git(dir, "rev-parse", "--show-toplevel").map(Path::of);
    return root.map(r -> relative(r.toAbsolutePath().normalize(), file)).orElse(file.toString());
  }

  private static String relative(Path root, Path p) {
    if (!p.startsWith(root)) {
      return p.toString();
    }
    String rel = root.relativize(p).toString().replace('\\', '/');
    return rel.isEmpty() ? "." : rel;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** {@code git -C dir args}'s first output line when it exits 0 within 10 s; empty without git. */
  private static Optional<String> git(Path dir, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out.lines().findFirst().orElseThrow()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
