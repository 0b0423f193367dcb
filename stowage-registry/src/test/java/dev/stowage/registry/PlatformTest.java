package dev.stowage.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void parsesOsArchAndVariant() {
    Platform p = Platform.parse("linux/arm/v7");
    assertThat(p.os()).isEqualTo("linux");
    assertThat(p.architecture()).isEqualTo("arm");
    assertThat(p.variant()).contains("v7");
    assertThat(p).hasToString("linux/arm/v7");
  }

  @Test
  void normalisesArchitectureNamesAndArm64sDefaultVariant() {
    assertThat(Platform.parse("linux/x86_64")).isEqualTo(Platform.LINUX_AMD64);
    assertThat(Platform.parse("Linux/aarch64/v8")).isEqualTo(Platform.parse("linux/arm64"));
  }

  @Test
  void aPlatformWithoutVariantAcceptsAnyVariant() {
    Platform offered = new Platform("linux", "arm", Optional.of("v6"));
    assertThat(Platform.parse("linux/arm").accepts(offered)).isTrue();
    assertThat(Platform.parse("linux/arm/v7").accepts(offered)).isFalse();
    assertThat(Platform.parse("linux/arm64").accepts(offered)).isFalse();
    assertThat(Platform.parse("windows/arm").accepts(offered)).isFalse();
  }

  @Test
  void rejectsMalformedText() {
    for (String bad : new String[] {"linux", "linux/", "/amd64", "a/b/c/d", ""}) {
      assertThatThrownBy(() -> Platform.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("os/arch[/variant]");
    }
  }

  @Test
  void hostIsOfTheRunningJvm() {
    Platform host = Platform.host();
    assertThat(host.os()).isEqualTo(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux") ? "linux" : host.os());
    assertThat(host.architecture()).isNotIn("x86_64", "aarch64");
  }
}
