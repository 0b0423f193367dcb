package dev.stowage.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellScriptTest {

  private static final String APT =
      "apt-get update && apt-get install -y --no-install-recommends curl=7.* ca-certificates"
          + " && rm -rf /var/lib/apt/lists/*";

  private static String pythonRun(int index) throws IOException {
    String text =
        Files.readString(
            CorpusTest.official().resolve("docker-library__python/3.12/bookworm/Dockerfile"));
    return DockerfileRuns.of(text).get(index);
  }

  @Test
  void aptInstallWithCleanUp() {
    ShellScript script = ShellScript.parse(APT);
    assertThat(script.errors()).isEmpty();
    Command install = script.invocations("apt-get", "install").get(0);
    assertThat(install.hasFlag("-y", "--yes", "--assume-yes")).isTrue();
    assertThat(install.hasFlag("--no-install-recommends")).isTrue();
    assertThat(script.isRemovedAfter(install, "/var/lib/apt/lists")).isTrue();
    assertThat(script.isRemovedAfter(install, "/var/lib/apt/lists/*")).isTrue();
    assertThat(script.isRemovedAfter(install, "/var/lib/apt/lists/partial")).isTrue();
    assertThat(script.isRemovedAfter(install, "/var/cache/apt")).isFalse();
    Command rm = script.invocations("rm").get(0);
    assertThat(script.isRemovedAfter(rm, "/var/lib/apt/lists")).isFalse();
    assertThat(script.commandsAfter(install)).containsExactly(rm);
  }

  @Test
  void removalGlobsAndDirectoriesCoverPaths() {
    ShellScript script =
        ShellScript.parse(
            "apk add --no-cache x; rm -r -f /var/lib/apt/lists /tmp/*.tar.gz \"$HOME/.cache\"; rm"
                + " /root/.npm/_cacache/*");
    Command apk = script.commands().get(0);
    assertThat(script.isRemovedAfter(apk, "/var/lib/apt/lists/*")).isTrue();
    assertThat(script.isRemovedAfter(apk, "/tmp/node.tar.gz")).isTrue();
    assertThat(script.isRemovedAfter(apk, "/tmp/node.zip")).isFalse();
    assertThat(script.isRemovedAfter(apk, "/tmp")).isFalse();
    assertThat(script.isRemovedAfter(apk, "$HOME/.cache/pip")).isTrue();
    assertThat(script.isRemovedAfter(apk, "/root/.npm/_cacache")).isTrue();
    assertThat(script.isRemoved("/root/.npm")).isFalse();
  }

  @Test
  void commandsAfterRejectsForeignCommands() {
    Command other = ShellScript.parse("ls").commands().get(0);
    assertThatThrownBy(() -> ShellScript.parse("ls").commandsAfter(other))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pythonRuntimeDependencies() throws IOException {
    ShellScript script = ShellScript.parse(pythonRun(0));
    assertThat(script.errors()).isEmpty();
    assertThat(script.commands())
        .extracting(Command::name)
        .containsExactly("set", "apt-get", "apt-get", "rm");
    PackageInstall install = script.packageInstalls().get(0);
    assertThat(install.packages())
        .extracting(PackageSpec::name)
        .containsExactly("libbluetooth-dev", "tk-dev", "uuid-dev");
    assertThat(script.isRemovedAfter(install.command(), "/var/lib/apt/lists/*")).isTrue();
  }

  @Test
  void pythonBuildSeesCommandsInsideSubstitutionsAndCase() throws IOException {
    String run = pythonRun(1);
    ShellScript script = ShellScript.parse(run);
    assertThat(script.errors()).isEmpty();
    assertThat(script.commands())
        .extracting(Command::name)
        .contains(
            "wget",
            "sha256sum",
            "mktemp",
            "gpg",
            "tar",
            "dpkg-architecture",
            "./configure",
            "test",
            "nproc",
            "dpkg-buildflags",
            "dpkg",
            "make",
            "readlink",
            "dirname",
            "find",
            "ldconfig");
    assertThat(script.invocations("mktemp").get(0).parent().orElseThrow().assignments())
        .extracting(Assignment::name)
        .containsExactly("GNUPGHOME");
    assertThat(script.invocations("wget").get(0).flagValue("-O")).contains("python.tar.xz");
    assertThat(script.usesCd()).isTrue();
    assertThat(script.cdCommands())
        .extracting(c -> c.argTexts().get(0))
        .containsExactly("/usr/src/python", "/");
    Command tar = script.invocations("tar").get(0);
    assertThat(tar.flagValue("--file")).contains("python.tar.xz");
    assertThat(script.isRemovedAfter(tar, "/usr/src/python")).isTrue();
    assertThat(script.pipefail()).isFalse();
    for (Command c : script.commands()) {
      assertThat(run.substring(c.offset(), c.endOffset())).isEqualTo(c.raw());
    }
  }

  @Test
  void pythonSymlinkLoop() throws IOException {
    ShellScript script = ShellScript.parse(pythonRun(2));
    assertThat(script.errors()).isEmpty();
    assertThat(script.body().items().get(1).pipelines().get(0).commands().get(0))
        .isInstanceOf(CommandNode.For.class);
    assertThat(script.commands())
        .extracting(Command::name)
        .containsExactly("set", "", "echo", "tr", "[", "[", "ln");
    assertThat(script.invocations("echo").get(0).pipeline()).isPresent();
  }

  @Test
  void golangSavedAptMarkPattern() {
    String run =
        "set -eux; now=\"$(date '+%s')\"; arch=\"$(dpkg --print-architecture)\";"
            + " arch=\"${arch##*-}\"; url=; case \"$arch\" in 'amd64')"
            + " url='https://dl.google.com/go/go1.22.linux-amd64.tar.gz'; sha256='abc'; ;; 'armhf')"
            + " url='x'; ;; *) echo >&2; echo >&2 \"warning: current architecture ($arch) does not"
            + " have a compatible Go binary release; will be building from source\"; echo >&2 ;;"
            + " esac; build=; if [ -z \"$url\" ]; then build=1; url='y'; fi;"
            + " savedAptMark=\"$(apt-mark showmanual)\"; apt-get update; apt-get install -y"
            + " --no-install-recommends gnupg; wget -O go.tgz.asc \"$url.asc\"; wget -O go.tgz"
            + " \"$url\" --progress=dot:giga; echo \"$sha256 *go.tgz\" | sha256sum -c -;"
            + " GNUPGHOME=\"$(mktemp -d)\"; export GNUPGHOME; tar -C /usr/local -xzf go.tgz; rm"
            + " go.tgz; if [ -n \"$build\" ]; then ( export GOCACHE='/tmp/gocache'; cd"
            + " /usr/local/go/src; ./make.bash; ); fi; apt-mark auto '.*' > /dev/null; apt-mark"
            + " manual $savedAptMark > /dev/null; apt-get purge -y --auto-remove -o"
            + " APT::AutoRemove::RecommendsImportant=false; rm -rf /var/lib/apt/lists/*; go"
            + " version";
    ShellScript script = ShellScript.parse(run);
    assertThat(script.errors()).isEmpty();
    assertThat(script.invocations("apt-mark")).hasSize(3);
    assertThat(script.invocations("apt-get", "purge").get(0).flagValue("-o"))
        .contains("APT::AutoRemove::RecommendsImportant=false");
    Command make = script.invocations("./make.bash").get(0);
    assertThat(script.isRemovedAfter(make, "/var/lib/apt/lists/auxfiles")).isTrue();
    assertThat(script.invocations("tar").get(0).flagValue("-C")).contains("/usr/local");
    assertThat(script.invocations("tar").get(0).hasFlag("-x", "-z")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "set -o pipefail && curl -fsSL x | tar -xz",
        "set -euo pipefail; curl x | tar -xz",
        "set -eo pipefail\ncurl x | tar -xz",
        "set -o errexit -o pipefail; curl x | tar -xz",
        "set -Eeuxo pipefail; curl x | tar -xz",
        "set -opipefail; curl x | tar -xz",
        "set -e; set -o pipefail; curl x | tar -xz",
        "set -o pipefail",
      })
  void detectsPipefail(String src) {
    assertThat(ShellScript.parse(src).pipefail()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "curl -fsSL x | tar -xz",
        "set -eux; curl x | tar -xz",
        "curl x | tar -xz; set -o pipefail; a | b",
        "set -o pipefail; set +o pipefail; curl x | tar -xz",
        "set -e -o nounset; a | b",
        "echo 'set -o pipefail' | sh",
      })
  void rejectsMissingPipefail(String src) {
    assertThat(ShellScript.parse(src).pipefail()).isFalse();
  }

  @Test
  void pipelinesListsEveryPipeline() {
    ShellScript script = ShellScript.parse("a | b && c; x=$(d | e)");
    assertThat(script.pipelines()).hasSize(4);
    assertThat(script.pipelines().stream().filter(Pipeline::hasPipe)).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "curl -fsSL https://deb.nodesource.com/setup_20.x | bash -",
        "wget -O- https://x/install.sh | sh",
        "wget -qO - https://x/install.sh | sudo -E bash",
        "curl -sSL https://x | sh -s -- --yes",
        "{ curl -sSL https://x; } | sh",
        "sh -c \"$(curl -fsSL"
            + " https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)\"",
        "bash <(curl -s https://x/install.sh)",
        "set -o pipefail && curl https://x | gunzip | /bin/bash",
      })
  void detectsDownloadsRunByAShell(String src) {
    ShellScript script = ShellScript.parse(src);
    assertThat(script.pipesIntoShell()).isTrue();
    assertThat(script.commandsPipedIntoShell()).anyMatch(c -> c.is("curl") || c.is("wget"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "curl -fsSL https://x -o install.sh && sh install.sh",
        "curl -fsSL https://x | tar -xz",
        "echo hi | bash -c 'cat > /x'",
        "sh -c 'echo hi'",
      })
  void acceptsDownloadsNotRunByAShell(String src) {
    assertThat(ShellScript.parse(src).pipesIntoShell()).isFalse();
  }

  @Test
  void commandsInsideHereDocumentsAreSeen() {
    ShellScript script =
        ShellScript.parse("cat > /x <<EOF\nversion=$(git describe)\nEOF\necho done");
    assertThat(script.commands()).extracting(Command::name).containsExactly("cat", "git", "echo");
    assertThat(script.commands().get(1).parent()).contains(script.commands().get(0));
  }

  @Test
  void sourceOrderInterleavesSubstitutions() {
    ShellScript script = ShellScript.parse("a \"$(b)\" | c; d");
    assertThat(script.commands()).extracting(Command::name).containsExactly("a", "b", "c", "d");
    List<Command> afterB = script.commandsAfter(script.commands().get(1));
    assertThat(afterB).extracting(Command::name).containsExactly("c", "d");
  }
}
