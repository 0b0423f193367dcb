package dev.stowage.lint.rules;

import dev.stowage.dockerfile.shell.PackageInstall;

/** Helpers about apt-get commands shared by the apt rules. */
public final class AptCommands {
  private AptCommands() {}

  /** {@code apt-get install -s}: a dry run that installs nothing and never prompts. */
  public static boolean isSimulation(PackageInstall install) {
    return install.hasFlag("-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act");
  }
}
