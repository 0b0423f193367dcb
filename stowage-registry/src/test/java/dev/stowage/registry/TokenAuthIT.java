package dev.stowage.registry;

import static dev.stowage.registry.Analyses.assertSameAnalysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.dockerfile.ImageReference;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real registry with token authentication; the realm is the test's {@link TokenServer}. */
class TokenAuthIT {
  @RegisterExtension static final RealRegistry REGISTRY = RealRegistry.withTokenAuth();
  private static final Path ARCHIVE = RealRegistry.diveFixtures().resolve("test-docker-image.tar");

  @BeforeAll
  static void push() throws Exception {
    REGISTRY.push("docker-archive:" + ARCHIVE, "team/app:1", false);
    REGISTRY.push("docker-archive:" + ARCHIVE, "team/other:1", false);
  }

  @Test
  void pullsWithATokenFetchedOncePerScope() throws Exception {
    RegistryClient client = RegistryClient.create(REGISTRY.credentials(), Set.of());
    int before = REGISTRY.tokenServer().requests().size();

    // 14 layers, a config and a manifest: one token for the repository's pull scope.
    assertSameAnalysis(
        Analyses.pulled(client, REGISTRY.host() + "/team/app:1", Optional.empty()),
        Analyses.local("docker-archive:" + ARCHIVE));
    Analyses.pulled(client, REGISTRY.host() + "/team/app:1", Optional.empty());
    Analyses.pulled(client, REGISTRY.host() + "/team/other:1", Optional.empty());

    assertThat(REGISTRY.tokenServer().requests().subList(before, REGISTRY.tokenServer().requests().size()))
        .containsExactly("repository:team/app:pull", "repository:team/other:pull");
  }

  @Test
  void identityTokenIsExchangedThroughTheRefreshTokenGrant() throws Exception {
    RegistryClient client = RegistryClient.create(
        r -> Optional.of(Credentials.identityToken(TokenServer.IDENTITY_TOKEN)), Set.of());
    assertSameAnalysis(
        Analyses.pulled(client, REGISTRY.host() + "/team/app:1", Optional.empty()),
        Analyses.local("docker-archive:" + ARCHIVE));

    RegistryClient wrong = RegistryClient.create(r -> Optional.of(Credentials.identityToken("expired")), Set.of());
    assertThatThrownBy(() -> RegistryImage.open(wrong, ImageReference.parse(REGISTRY.host() + "/team/app:1"), Optional.empty()))
        .hasMessageContaining("token server").hasMessageContaining("401");
  }

  @Test
  void withoutCredentialsTheTokenServerRefuses() {
    RegistryClient anonymous = RegistryClient.create(registry -> Optional.empty(), Set.of());
    String ref = REGISTRY.host() + "/team/app:1";
    assertThatThrownBy(() -> RegistryImage.open(anonymous, ImageReference.parse(ref), Optional.empty()))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED))
        .hasMessageStartingWith("pulling " + ref)
        .hasMessageContaining("token server")
        .hasMessageContaining("401");
  }
}
