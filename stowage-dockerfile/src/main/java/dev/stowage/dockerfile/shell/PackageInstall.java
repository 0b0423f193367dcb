package dev.stowage.dockerfile.shell;

import java.util.List;

/**
 * A package-manager command that installs packages, such as {@code apt-get install -y curl} or
 * {@code pip install requests==2.0}: the command, the tool, the sub-command path and the package
 * arguments; immutable.
 */
public record PackageInstall(
    Command command, PackageManager manager, List<String> subcommand, List<PackageSpec> packages) {

  /** Copies the lists. */
  public PackageInstall {
    subcommand = List.copyOf(subcommand);
    packages = List.copyOf(packages);
  }

  /** The command's arguments split with this tool's value-taking flags. */
  public Arguments arguments() {
    return command.arguments(manager.valueFlags());
  }

  /** Whether any of the named flags is set, e.g. {@code hasFlag("-y", "--yes", "--assume-yes")}. */
  public boolean hasFlag(String... names) {
    return arguments().hasFlag(names);
  }
}
