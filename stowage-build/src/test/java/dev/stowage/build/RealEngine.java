package dev.stowage.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving tests the real BuildKit engine, with the local base image {@code
 * dive-test:latest} (a busybox image from the shared fixtures) loaded. Fails, never skips, when
 * no engine is reachable: scripts/test starts one.
 */
public final class RealEngine implements ParameterResolver {
  /** The base image every engine test builds on. */
  public static final String BASE_IMAGE = "dive-test:latest";
  private static Engine engine;

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == Engine.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return engine();
  }

  public static synchronized Engine engine() {
    if (engine == null) {
      try {
        engine = Engine.discover(System.getenv());
      } catch (EngineUnavailableException ex) {
        throw new AssertionError("the real BuildKit engine is required: " + ex.getMessage(), ex);
      }
      if (engine.imageStats(BASE_IMAGE).isEmpty()) {
        load(engine, shared().resolve("fixtures/images/dive/test-docker-image.tar"));
      }
    }
    return engine;
  }

  /**
   * The Dockerfile line that marks the images a test builds, so that {@link #removeImages} removes
   * those and no other image of the shared engine. A LABEL is configuration, not a build step: step
   * counts and layers stay as they are.
   */
  public static String labelLine(String id) {
    return "LABEL dev.stowage.test=" + id + "\n";
  }

  /** Removes every image labelled by {@link #labelLine} with {@code id}, tagged or not. */
  public static void removeImages(String id) {
    Engine e = engine();
    String images = docker(e, "images", "-q", "--no-trunc", "-f", "label=dev.stowage.test=" + id);
    for (String image : images.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList()) {
      docker(e, "rmi", "-f", image);
    }
  }

  private static String docker(Engine e, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(e.client().toString()));
    cmd.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().putAll(e.environment());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
      }
      return out;
    } catch (IOException ex) {
      throw new AssertionError(String.join(" ", cmd) + " failed", ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new AssertionError(ex);
    }
  }

  static Path shared() {
    String prop = System.getProperty("stowage.shared");
    for (String c : new String[] {prop, "../shared", "../../shared"}) {
      if (c != null && Files.isDirectory(Path.of(c, "fixtures"))) {
        return Path.of(c).toAbsolutePath().normalize();
      }
    }
    throw new AssertionError("shared fixtures not found (set -Dstowage.shared=DIR)");
  }

  private static void load(Engine e, Path tar) {
    try {
      ProcessBuilder pb = new ProcessBuilder(List.of(e.client().toString(), "load", "-i", tar.toString()));
      pb.environment().putAll(e.environment());
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("docker load of " + tar + " failed: " + out);
      }
    } catch (IOException ex) {
      throw new AssertionError("docker load of " + tar + " failed", ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new AssertionError(ex);
    }
  }
}
