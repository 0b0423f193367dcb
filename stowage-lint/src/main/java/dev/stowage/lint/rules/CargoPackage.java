package dev.stowage.lint.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single Rust package a build context's {@code Cargo.toml} declares, for the fixes that reason
 * about a {@code cargo build} (ST1001's dependencies first, ST2001's runtime split).
 *
 * @param name the package's name, which is also its default binary's
 * @param manifest the text of {@code Cargo.toml}, for the callers' own checks
 */
public record CargoPackage(String name, String manifest) {
  private static final Pattern NAME =
      Pattern.compile("(?ms)^\\[package\\]\\s*$(.*?)^\\s*name\\s*=\\s*\"([A-Za-z0-9_-]+)\"");

  /**
   * The package of {@code context}: empty when there is no {@code Cargo.toml}, it declares a
   * workspace, its {@code [package]} table has no plain {@code name} of its own, or {@code
   * src/bin/} holds binaries beyond the default one.
   */
  public static Optional<CargoPackage> read(Path context) throws IOException {
    Path toml = context.resolve("Cargo.toml");
    if (!Files.isRegularFile(toml) || Files.isDirectory(context.resolve("src/bin"))) {
      return Optional.empty();
    }
    String text = Files.readString(toml);
    Matcher name = NAME.matcher(text);
    if (text.contains("[workspace") || !name.find() || name.group(1).contains("[")) {
      return Optional.empty();
    }
    return Optional.of(new CargoPackage(name.group(2), text));
  }
}
