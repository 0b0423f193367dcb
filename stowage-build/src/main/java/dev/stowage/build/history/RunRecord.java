package dev.stowage.build.history;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded {@code stowage build} or {@code stowage bench} run. Immutable.
 *
 * @param id a random UUID
 * @param time when the run started
 * @param project what the Dockerfile belongs to: the git remote {@code origin} URL, else the git
 *     root's absolute path, else the context's absolute path
 * @param dockerfile the Dockerfile's path relative to the git root when there is one (with
 *     {@code /}), else its absolute path
 * @param dockerfileDigest {@code sha256:} of the Dockerfile's bytes
 * @param context the build context, relative to the git root when inside it, else absolute
 * @param command {@code build} or {@code bench}
 * @param scenario the bench scenario ({@code cold}, {@code warm}, {@code src}, {@code deps}); empty
 *     for {@code build}
 * @param gitCommit the checked-out commit, when the Dockerfile is in a git work tree
 * @param engine the engine kind and server version, e.g. {@code docker_buildkit 20.10.24}
 * @param durationSeconds the wall-clock time of the build
 * @param steps Dockerfile steps counted for the cache (FROM left out)
 * @param cachedSteps those BuildKit reused from its cache
 * @param cacheHitRate {@code cachedSteps / steps}, 0 to 1
 * @param savedSeconds what the cached steps took when they last ran, when known
 * @param sizeBytes the image size, when the build made one
 * @param layers the image's layer count, when the build made one
 * @param success whether the build succeeded
 */
public record RunRecord(
    String id,
    Instant time,
    String project,
    String dockerfile,
    String dockerfileDigest,
    String context,
    String command,
    Optional<String> scenario,
    Optional<String> gitCommit,
    Optional<String> engine,
    double durationSeconds,
    int steps,
    int cachedSteps,
    double cacheHitRate,
    Optional<Double> savedSeconds,
    Optional<Long> sizeBytes,
    Optional<Integer> layers,
    boolean success) {

  /** The series a run belongs to: {@code build}, or {@code bench SCENARIO}. */
  public String series() {
    return scenario.map(s -> command + " " + s).orElse(command);
  }
}
