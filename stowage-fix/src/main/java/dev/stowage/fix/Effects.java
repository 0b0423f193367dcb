package dev.stowage.fix;

import dev.stowage.lint.RuleMeta;
import java.util.Map;

/**
 * The estimated effect of each rule's repair, in plain words, for {@code stowage fix --explain}:
 * what the image or the build gains. Rules without an entry get their category's general effect.
 */
final class Effects {
  private Effects() {}

  private static final Map<String, String> BY_RULE =
      Map.ofEntries(
          Map.entry(
              "DL3009",
              "smaller image: the apt package lists (typically 20-50 MB) no longer stay in the"
                  + " layer"),
          Map.entry(
              "DL3015",
              "smaller image: recommended packages are no longer installed (often tens of MB)"),
          Map.entry(
              "DL3019",
              "smaller image: the apk package index (about 1-2 MB) no longer stays in the layer"),
          Map.entry(
              "DL3042",
              "smaller image: pip's download cache (the size of every downloaded package) no longer"
                  + " stays in the layer"),
          Map.entry("DL3014", "the build no longer stops at apt-get's confirmation prompt"),
          Map.entry("DL3030", "the build no longer stops at yum's confirmation prompt"),
          Map.entry("DL3034", "the build no longer stops at zypper's confirmation prompt"),
          Map.entry("DL3038", "the build no longer stops at dnf's confirmation prompt"),
          Map.entry(
              "DL3020",
              "same files in the image; COPY never unpacks archives or fetches URLs by surprise"),
          Map.entry(
              "DL3021", "same files in the image; the build no longer fails on the destination"),
          Map.entry(
              "DL3025",
              "the program runs as PID 1 and receives SIGTERM: 'docker stop' ends it at once"
                  + " instead of killing it after the 10 s timeout"),
          Map.entry(
              "DL3003",
              "same image; the working directory is stated once, for every later instruction"),
          Map.entry(
              "ST3001",
              "the container no longer runs as root: a compromised process cannot own the"
                  + " container"),
          Map.entry(
              "ST2005",
              "smaller image (about 2 MB) whose layer is the same on every build: yarn no longer"
                  + " writes V8's compile cache to /tmp"),
          Map.entry("DL4000", "same image; the author is recorded as an OCI label"),
          Map.entry("DL3065", "same image; the redundant --platform flag is gone"));

  static String of(RuleMeta meta) {
    String specific = BY_RULE.get(meta.id());
    if (specific != null) {
      return specific;
    }
    return switch (meta.category()) {
      case PERFORMANCE -> "faster builds and rebuilds";
      case SIZE -> "smaller image";
      case SECURITY -> "less risk in the running container";
      case CORRECTNESS -> "the build behaves as written on every engine";
      case MAINTAINABILITY -> "same image; the Dockerfile reads as BuildKit expects";
      case CONTEXT -> "a smaller build context sent to the engine";
      default -> "see docs/rules/" + meta.id() + ".md";
    };
  }
}
