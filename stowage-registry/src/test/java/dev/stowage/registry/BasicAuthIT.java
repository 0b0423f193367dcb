package dev.stowage.registry;

import static dev.stowage.registry.Analyses.assertSameAnalysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.dockerfile.ImageReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A real registry with htpasswd basic authentication. */
class BasicAuthIT {
  @RegisterExtension static final RealRegistry REGISTRY = RealRegistry.withBasicAuth();
  private static final Path ARCHIVE = RealRegistry.diveFixtures().resolve("test-docker-image.tar");

  @TempDir Path tmp;

  @BeforeAll
  static void push() throws Exception {
    REGISTRY.push("docker-archive:" + ARCHIVE, "private/app:1", false);
  }

  private String ref() {
    return REGISTRY.host() + "/private/app:1";
  }

  @Test
  void pullsWithCredentials() throws Exception {
    RegistryClient client = RegistryClient.create(REGISTRY.credentials(), Set.of());
    assertSameAnalysis(Analyses.pulled(client, ref(), Optional.empty()), Analyses.local("docker-archive:" + ARCHIVE));
  }

  @Test
  void pullsWithTheAuthOfTheDockerConfigFile() throws Exception {
    String auth = Base64.getEncoder().encodeToString(
        (RealRegistry.USER.username() + ":" + RealRegistry.USER.secret()).getBytes(StandardCharsets.UTF_8));
    Files.writeString(tmp.resolve("config.json"),
        "{\"auths\": {\"http://" + REGISTRY.host() + "/v2/\": {\"auth\": \"" + auth + "\"}}}");
    DockerConfig config = DockerConfig.load(Map.of("DOCKER_CONFIG", tmp.toString()));
    RegistryClient client = RegistryClient.create(config::credentials, Set.of());

    assertSameAnalysis(Analyses.pulled(client, ref(), Optional.empty()), Analyses.local("docker-archive:" + ARCHIVE));
  }

  @Test
  void withoutCredentialsIsUnauthorizedNamingTheReference() {
    RegistryClient anonymous = RegistryClient.create(registry -> Optional.empty(), Set.of());
    assertThatThrownBy(() -> RegistryImage.open(anonymous, ImageReference.parse(ref()), Optional.empty()))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED))
        .hasMessageStartingWith("pulling " + ref() + ": unauthorized (401)")
        .hasMessageContaining("no credentials for " + REGISTRY.host());
  }

  @Test
  void wrongPasswordIsUnauthorized() {
    RegistryClient wrong = RegistryClient.create(r -> Optional.of(new Credentials("stowage", "wrong")), Set.of());
    assertThatThrownBy(() -> RegistryImage.open(wrong, ImageReference.parse(ref()), Optional.empty()))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED))
        .hasMessageStartingWith("pulling " + ref());
  }
}
