package dev.stowage.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageInstallTest {

  private static PackageInstall install(String src) {
    List<PackageInstall> installs = ShellScript.parse(src).packageInstalls();
    assertThat(installs).hasSize(1);
    return installs.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '%',
      value = {
        "apt-get install -y curl=7.*|APT|curl|=|7.*",
        "apt install -y nginx|APT|nginx||",
        "apk add --no-cache --virtual .build-deps curl=8.5.0-r0|APK|curl|=|8.5.0-r0",
        "apk add musl~1.2|APK|musl|~|1.2",
        "yum install -y nginx-1.20.1|YUM|nginx|-|1.20.1",
        "dnf install -y java-11-openjdk|DNF|java-11-openjdk||",
        "microdnf install -y python3-3.9*|MICRODNF|python3|-|3.9*",
        "zypper --non-interactive install 'curl>=7'|ZYPPER|curl|>=|7",
        "pip install --no-cache-dir requests==2.0|PIP|requests|==|2.0",
        "pip3 install 'django>=4,<5'|PIP|django|>=|4,<5",
        "python3 -m pip install --upgrade pip==24.0|PIP|pip|==|24.0",
        "npm install -g left-pad@1.3.0|NPM|left-pad|@|1.3.0",
        "npm i @angular/cli@17|NPM|@angular/cli|@|17",
        "yarn global add typescript@5|YARN|typescript|@|5",
        "pnpm add -g pnpm@9.1.0|PNPM|pnpm|@|9.1.0",
        "gem install bundler -v 2.5.0|GEM|bundler|-v|2.5.0",
        "gem install rails:7.1|GEM|rails|:|7.1",
        "go install golang.org/x/tools/gopls@v0.15.0|GO|golang.org/x/tools/gopls|@|v0.15.0",
        "cargo install ripgrep --version 14.1.0|CARGO|ripgrep|--version|14.1.0",
        "cargo install --locked cargo-audit@0.20|CARGO|cargo-audit|@|0.20",
        "composer require monolog/monolog:^3.0|COMPOSER|monolog/monolog|:|^3.0",
        "bundle add rails --version 7.1|BUNDLE|rails|--version|7.1",
        "sudo -E apt-get -q -o Acquire::Retries=3 install -y jq|APT|jq||",
      })
  void splitsPackagesAndVersions(
      String src, PackageManager manager, String name, String separator, String version) {
    PackageInstall install = install(src);
    assertThat(install.manager()).isEqualTo(manager);
    assertThat(install.packages()).hasSize(1);
    PackageSpec spec = install.packages().get(0);
    assertThat(spec.name()).isEqualTo(name);
    assertThat(spec.separator()).isEqualTo(separator == null ? "" : separator);
    assertThat(spec.version()).isEqualTo(Optional.ofNullable(version));
  }

  @Test
  void readsSubcommandPathsAndFlags() {
    PackageInstall yarn = install("yarn global add --registry https://r typescript prettier");
    assertThat(yarn.subcommand()).containsExactly("global", "add");
    assertThat(yarn.packages())
        .extracting(PackageSpec::name)
        .containsExactly("typescript", "prettier");
    PackageInstall apt = install("apt-get install -y --no-install-recommends a b=1 c");
    assertThat(apt.hasFlag("--no-install-recommends")).isTrue();
    assertThat(apt.packages())
        .extracting(PackageSpec::hasVersion)
        .containsExactly(false, true, false);
  }

  @Test
  void installWithoutPackageArguments() {
    assertThat(install("npm ci --omit=dev").packages()).isEmpty();
    PackageInstall pip = install("pip install --no-cache-dir -r requirements.txt");
    assertThat(pip.packages()).isEmpty();
    assertThat(pip.arguments().flagValue("-r", "--requirement")).contains("requirements.txt");
    assertThat(install("bundle install --jobs 4").packages()).isEmpty();
  }

  @Test
  void ignoresNonInstallSubcommands() {
    ShellScript script =
        ShellScript.parse("apt-get update && apt-get purge -y x && pip --version && npm run build");
    assertThat(script.packageInstalls()).isEmpty();
  }

  @Test
  void findsInstallsAcrossTheScript() {
    ShellScript script =
        ShellScript.parse(
            "apt-get update; apt-get install -y python3-pip; if [ -n \"$DEV\" ]; then pip3 install"
                + " pytest; fi; npm install && apk add x");
    assertThat(script.packageInstalls())
        .extracting(PackageInstall::manager)
        .containsExactly(
            PackageManager.APT, PackageManager.PIP, PackageManager.NPM, PackageManager.APK);
    assertThat(script.packageInstalls(PackageManager.PIP)).hasSize(1);
  }

  @Test
  void forCommandUsesBaseName() {
    assertThat(PackageManager.forCommand("/usr/local/bin/pip3")).contains(PackageManager.PIP);
    assertThat(PackageManager.forCommand("make")).isEmpty();
  }
}
