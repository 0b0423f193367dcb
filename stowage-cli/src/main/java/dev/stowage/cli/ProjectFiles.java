package dev.stowage.cli;

import dev.stowage.context.ContextScan;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The build files found under a folder: Dockerfiles, {@code .dockerignore} files, Compose files and
 * Bake files, each list sorted by path. Folders that tools generate are skipped ({@link
 * ContextScan#isGenerated}: version control, node_modules, virtualenvs, caches, Maven's and Cargo's
 * target); symbolic links are not followed. Immutable.
 *
 * <p>A Dockerfile is a file named {@code Dockerfile} or {@code Containerfile}, {@code
 * Dockerfile.*}, {@code *.Dockerfile}, {@code *.dockerfile} or {@code *.containerfile}, except
 * {@code *.dockerignore} (BuildKit's per-Dockerfile ignore files) and names ending in a source,
 * document or archive suffix such as {@code Dockerfile.java} or {@code Dockerfile.md}.
 */
record ProjectFiles(
    List<Path> dockerfiles,
    List<Path> dockerignores,
    List<Path> composeFiles,
    List<Path> bakeFiles) {

  /**
   * Suffixes of files that are not Dockerfiles although named {@code Dockerfile.*}: sources,
   * compiled classes, documents, scripts and backups (found dogfooding: Dockerfile.java).
   */
  private static final Set<String> NOT_DOCKERFILE_SUFFIXES =
      Set.of(
          "java", "class", "kt", "go", "py", "pyc", "rb", "rs", "js", "ts", "c", "h", "cs", "md",
          "txt", "json", "yml", "yaml", "toml", "xml", "html", "sh", "ps1", "bat", "bak", "orig",
          "rej", "swp", "tmp", "log", "patch", "diff", "jar", "zip", "gz", "tgz", "png", "svg");

  ProjectFiles {
    dockerfiles = List.copyOf(dockerfiles);
    dockerignores = List.copyOf(dockerignores);
    composeFiles = List.copyOf(composeFiles);
    bakeFiles = List.copyOf(bakeFiles);
  }

  /**
   * Walks {@code dir} (opened from {@code cwd} when relative); paths are {@code dir} as given
   * resolved against what was found, normalized.
   */
  static ProjectFiles under(Path dir, Path cwd) throws EnvironmentException {
    Path walked = cwd.resolve(dir);
    List<Path> dockerfiles = new ArrayList<>();
    List<Path> ignores = new ArrayList<>();
    List<Path> compose = new ArrayList<>();
    List<Path> bake = new ArrayList<>();
    try {
      Files.walkFileTree(
          walked,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              return !d.equals(walked) && ContextScan.isGenerated(d)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
              }
              String name = file.getFileName().toString();
              // As given: ./Dockerfile reads as Dockerfile in every format.
              file = dir.resolve(walked.relativize(file)).normalize();
              if (isDockerfileName(name)) {
                dockerfiles.add(file);
              } else if (name.equals(".dockerignore") || name.endsWith(".dockerignore")) {
                ignores.add(file);
              } else if (name.matches("(docker-)?compose\\.ya?ml")) {
                compose.add(file);
              } else if (name.equals("docker-bake.hcl") || name.equals("docker-bake.json")) {
                bake.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // an unreadable corner does not stop the search
            }
          });
    } catch (IOException e) {
      throw new EnvironmentException("searching " + dir + ": " + e.getMessage(), e);
    }
    Comparator<Path> byPath = Comparator.comparing(Path::toString);
    dockerfiles.sort(byPath);
    ignores.sort(byPath);
    compose.sort(byPath);
    bake.sort(byPath);
    return new ProjectFiles(dockerfiles, ignores, compose, bake);
  }

  static boolean isDockerfileName(String name) {
    if (name.endsWith(".dockerignore")) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    if (dot > 0 && NOT_DOCKERFILE_SUFFIXES.contains(lower.substring(dot + 1))) {
      return false;
    }
    return name.equals("Dockerfile")
        || name.equals("Containerfile")
        || name.startsWith("Dockerfile.")
        || name.endsWith(".Dockerfile")
        || lower.endsWith(".dockerfile") && !lower.equals(".dockerfile")
        || lower.endsWith(".containerfile") && !lower.equals(".containerfile");
  }
}
