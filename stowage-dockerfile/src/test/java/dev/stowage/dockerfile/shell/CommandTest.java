package dev.stowage.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {

  private static Command command(String src) {
    ShellScript script = ShellScript.parse(src);
    assertThat(script.errors()).isEmpty();
    return script.commands().get(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apt-get install -y curl",
        "sudo apt-get install -y curl",
        "sudo -E -u root apt-get install -y curl",
        "sudo -Eu root -- apt-get install -y curl",
        "env DEBIAN_FRONTEND=noninteractive apt-get install -y curl",
        "sudo env -u X A=1 nice -n 10 apt-get install -y curl",
        "DEBIAN_FRONTEND=noninteractive time -p apt-get install -y curl",
        "command exec nohup /usr/bin/apt-get install -y curl",
        "\"apt-get\" 'install' -y curl",
      })
  void findsTheProgramBehindWrappers(String src) {
    Command c = command(src);
    assertThat(c.is("apt-get", "install")).isTrue();
    assertThat(c.argsWithoutFlags()).extracting(Word::text).containsExactly("install", "curl");
    assertThat(c.hasFlag("-y")).isTrue();
  }

  @Test
  void recordsSkippedWrappers() {
    Command c = command("sudo -E env A=b apt-get update");
    assertThat(c.wrappers()).containsExactly("sudo", "env");
    assertThat(c.name()).isEqualTo("apt-get");
    assertThat(c.offset()).isZero();
  }

  @Test
  void commandDashVIsNotAWrapper() {
    assertThat(command("command -v curl").name()).isEqualTo("command");
    assertThat(command("sudo -l").name()).isEqualTo("sudo");
    assertThat(command("env").name()).isEqualTo("env");
  }

  @Test
  void xargsIsAWrapper() {
    ShellScript script = ShellScript.parse("find / -name '*.pyc' -print0 | xargs -0 -n 1 rm -f");
    Command rm = script.commands().get(1);
    assertThat(rm.name()).isEqualTo("rm");
    assertThat(rm.wrappers()).containsExactly("xargs");
  }

  @Test
  void understandsFlagSpellings() {
    Command c =
        command("apt-get -qq -yq --no-install-recommends --option=Dpkg::Use-Pty=0 install x");
    assertThat(c.hasFlag("-y", "--yes")).isTrue();
    assertThat(c.hasFlag("-q")).isTrue();
    assertThat(c.hasFlag("--no-install-recommends")).isTrue();
    assertThat(c.hasFlag("--yes", "--assume-yes")).isFalse();
    assertThat(c.flagValue("-o", "--option")).contains("Dpkg::Use-Pty=0");
    assertThat(c.subcommand()).contains("install");
  }

  @Test
  void knowsValueFlagsOfWellKnownTools() {
    Command c = command("apt-get -o Acquire::Retries=3 -t bookworm-backports install -y x");
    assertThat(c.subcommand()).contains("install");
    assertThat(c.is("apt-get", "install")).isTrue();
    assertThat(c.flagValue("-t")).contains("bookworm-backports");
  }

  @Test
  void readsFlagValuesInAllForms() {
    assertThat(command("curl -o out url").flagValue("-o", "--output")).contains("out");
    assertThat(command("curl -oout url").flagValue("-o", "--output")).contains("out");
    assertThat(command("curl --output=out url").flagValue("-o", "--output")).contains("out");
    assertThat(command("curl --output out url").flagValue("-o", "--output")).contains("out");
    assertThat(command("curl -fsSLo out url").flagValue("-o", "--output")).contains("out");
    assertThat(command("curl -fsSL url").flagValue("-o", "--output")).isEmpty();
    assertThat(command("wget -O- url").flagValue("-O")).contains("-");
  }

  @Test
  void explicitValueFlagsChangePositionals() {
    Command c = command("mytool -x value pos1 --long v pos2 -- -notaflag");
    assertThat(c.argsWithoutFlags())
        .extracting(Word::text)
        .containsExactly("value", "pos1", "v", "pos2", "-notaflag");
    assertThat(c.argsWithoutFlags(Set.of("-x", "--long")))
        .extracting(Word::text)
        .containsExactly("pos1", "pos2", "-notaflag");
    assertThat(c.arguments(Set.of("-x")).flagValues("-x")).containsExactly("value");
  }

  @Test
  void readsGoStyleSingleDashLongFlags() {
    Command c = command("go build -ldflags=\"-s -w\" -tags netgo -o /out ./cmd");
    assertThat(c.flagValue("-ldflags")).contains("-s -w");
    assertThat(c.flagValue("-tags")).contains("netgo");
    assertThat(c.argsWithoutFlags()).extracting(Word::text).containsExactly("build", "./cmd");
  }

  @Test
  void isComparesBaseNameAndSubcommandPath() {
    assertThat(command("/usr/local/bin/npm cache clean --force").is("npm", "cache", "clean"))
        .isTrue();
    assertThat(command("npm cache verify").is("npm", "cache", "clean")).isFalse();
    assertThat(command("npm").is("npm", "install")).isFalse();
    assertThat(command("X=1").name()).isEmpty();
  }
}
