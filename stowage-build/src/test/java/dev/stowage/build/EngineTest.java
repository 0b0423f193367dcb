package dev.stowage.build;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery without any docker client or daemon: a clear message, never a hang. */
class EngineTest {
  @Test
  void noEngineSaysWhatWasLookedForAndHowToStartOne() {
    assertThatThrownBy(
            () -> Engine.discover(Map.of("PATH", "/nonexistent", "DOCKER_HOST", "unix:///nonexistent.sock", "STOWAGE_DOCKER", "/nonexistent/docker")))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("no BuildKit engine found at unix:///nonexistent.sock")
        .hasMessageContaining("dockerd");
  }
}
