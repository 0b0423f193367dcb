package dev.stowage.dockerfile.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The package managers Stowage understands, one table row each: command names, install
 * sub-commands, flags that take a value, and how versions are attached to package names.
 */
public enum PackageManager {
  APT(
      "apt-get apt",
      "install",
      "-o -c -t -a --option --config-file --target-release --default-release --host-architecture",
      "=",
      "",
      Versioning.SEPARATOR),
  APK(
      "apk",
      "add",
      "-X -t -p --repository --virtual --root --arch --cache-dir --keys-dir --repositories-file",
      ">= <= ~= = ~ > <",
      "",
      Versioning.SEPARATOR),
  YUM(
      "yum",
      "install|groupinstall|localinstall",
      "-c -x -d -e -R --config --exclude --installroot --releasever --enablerepo --disablerepo"
          + " --setopt",
      "",
      "",
      Versioning.RPM),
  DNF(
      "dnf",
      "install|in|groupinstall",
      "-c -x -d -e -R --config --exclude --installroot --releasever --enablerepo --disablerepo"
          + " --setopt --repo",
      "",
      "",
      Versioning.RPM),
  MICRODNF(
      "microdnf",
      "install",
      "--config --installroot --releasever --enablerepo --disablerepo --setopt",
      "",
      "",
      Versioning.RPM),
  ZYPPER(
      "zypper",
      "install|in",
      "-t -r --type --repo --from --root",
      ">= <= = > <",
      "",
      Versioning.SEPARATOR),
  PIP(
      "pip pip3",
      "install",
      "-r -c -e -i -f -t -b --requirement --constraint --editable --index-url --extra-index-url"
          + " --find-links --target --prefix --root --src --platform --python-version"
          + " --implementation --abi --upgrade-strategy --progress-bar --cache-dir --log --proxy"
          + " --retries --timeout --trusted-host --global-option --no-binary --only-binary"
          + " --config-settings --report",
      "=== == ~= != >= <= > < @",
      "",
      Versioning.SEPARATOR),
  NPM(
      "npm",
      "install|i|add|ci|isntall",
      "-w --prefix --registry --cache --workspace --omit --include --tag --userconfig",
      "@",
      "",
      Versioning.SEPARATOR),
  YARN(
      "yarn",
      "add|global add|install",
      "--cwd --registry --network-timeout --modules-folder --cache-folder --mutex"
          + " --global-folder",
      "@",
      "",
      Versioning.SEPARATOR),
  PNPM(
      "pnpm",
      "add|install|i",
      "-C -F --dir --filter --registry --store-dir",
      "@",
      "",
      Versioning.SEPARATOR),
  GEM(
      "gem",
      "install|i",
      "-v -i -n -s --version --install-dir --bindir --source --platform",
      ":",
      "-v --version",
      Versioning.SEPARATOR),
  GO(
      "go",
      "install|get",
      "-C -o -p -mod -modfile -tags -ldflags -gcflags -asmflags -pkgdir -toolexec -overlay -pgo",
      "@",
      "",
      Versioning.SEPARATOR),
  CARGO(
      "cargo",
      "install",
      "-j -F --version --vers --git --branch --tag --rev --path --root --index --registry --jobs"
          + " --target --features --profile --target-dir",
      "@",
      "--version --vers",
      Versioning.SEPARATOR),
  COMPOSER(
      "composer",
      "require|global require|install",
      "-d --working-dir",
      ": =",
      "",
      Versioning.SEPARATOR),
  BUNDLE(
      "bundle bundler",
      "install|add",
      "-j --gemfile --path --jobs --retry --without --with --version --group --source",
      "",
      "--version",
      Versioning.SEPARATOR);

  /** How a tool attaches a version to a package name. */
  private enum Versioning {
    /** {@code name<sep>version} with one of the separators. */
    SEPARATOR,
    /** RPM's {@code name-version}: a dash followed by a version-looking rest. */
    RPM
  }

  private final Set<String> commands;
  private final List<List<String>> installSubcommands;
  private final Set<String> valueFlags;
  private final List<String> separators;
  private final List<String> versionFlags;
  private final Versioning versioning;

  PackageManager(
      String commands,
      String installSubcommands,
      String valueFlags,
      String separators,
      String versionFlags,
      Versioning versioning) {
    this.commands = Set.of(commands.split(" "));
    this.installSubcommands =
        Arrays.stream(installSubcommands.split("\\|")).map(p -> List.of(p.split(" "))).toList();
    this.valueFlags = Set.of(valueFlags.split(" +"));
    this.separators = separators.isEmpty() ? List.of() : List.of(separators.split(" "));
    this.versionFlags = versionFlags.isEmpty() ? List.of() : List.of(versionFlags.split(" "));
    this.versioning = versioning;
  }

  /** The program names that run this package manager, e.g. {@code apt-get} and {@code apt}. */
  public Set<String> commands() {
    return commands;
  }

  /**
   * The sub-command paths that install packages, e.g. {@code [install]} or {@code [global, add]}.
   */
  public List<List<String>> installSubcommands() {
    return installSubcommands;
  }

  /** The flags of this tool that take a value, written with dashes. */
  public Set<String> valueFlags() {
    return valueFlags;
  }

  /** The package manager run by a program name such as {@code apt-get} or {@code /usr/bin/pip3}. */
  public static Optional<PackageManager> forCommand(String program) {
    return Optional.ofNullable(BY_COMMAND.get(Command.baseName(program)));
  }

  private static final java.util.Map<String, PackageManager> BY_COMMAND = byCommand();

  private static java.util.Map<String, PackageManager> byCommand() {
    java.util.Map<String, PackageManager> m = new java.util.HashMap<>();
    for (PackageManager pm : values()) {
      for (String c : pm.commands) {
        m.putIfAbsent(c, pm);
      }
    }
    return java.util.Map.copyOf(m);
  }

  /** Splits a package argument into name and version according to this tool's syntax. */
  public PackageSpec spec(Word word) {
    String text = word.text();
    if (versioning == Versioning.RPM) {
      for (int i = 1; i + 1 < text.length(); i++) {
        if (text.charAt(i) == '-' && Character.isDigit(text.charAt(i + 1))) {
          String rest = text.substring(i + 1);
          if (rest.indexOf('.') >= 0
              || rest.indexOf('*') >= 0
              || rest.chars().allMatch(Character::isDigit)) {
            return new PackageSpec(word, text.substring(0, i), "-", Optional.of(rest));
          }
        }
      }
      return new PackageSpec(word, text, "", Optional.empty());
    }
    // from index 1, so that npm's @scope/name keeps its leading @
    for (int i = 1; i < text.length(); i++) {
      for (int k = 0; k < separators.size(); k++) { // indexed: runs per character
        String separator = separators.get(k);
        if (text.startsWith(separator, i)) {
          return new PackageSpec(
              word,
              text.substring(0, i),
              separator,
              Optional.of(text.substring(i + separator.length())));
        }
      }
    }
    return new PackageSpec(word, text, "", Optional.empty());
  }

  Optional<PackageInstall> install(Command command) {
    Arguments arguments = command.arguments(valueFlags);
    List<String> positional = arguments.positionalTexts();
    for (List<String> path : installSubcommands) {
      if (positional.size() >= path.size() && positional.subList(0, path.size()).equals(path)) {
        Optional<String> version =
            versionFlags.isEmpty()
                ? Optional.empty()
                : arguments.flagValue(versionFlags.toArray(String[]::new));
        String flag =
            arguments.flags().stream()
                .map(Arguments.Flag::name)
                .filter(versionFlags::contains)
                .findFirst()
                .orElse("");
        List<PackageSpec> packages =
            arguments.positional().subList(path.size(), positional.size()).stream()
                .map(this::spec)
                .map(s -> version.map(v -> s.withVersion(flag, v)).orElse(s))
                .toList();
        return Optional.of(new PackageInstall(command, this, path, packages));
      }
    }
    return Optional.empty();
  }
}
