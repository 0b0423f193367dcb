package dev.stowage.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigTest {
  @TempDir Path dir;

  private DockerConfig config(String json) throws Exception {
    Files.writeString(dir.resolve("config.json"), json);
    return DockerConfig.load(Map.of("DOCKER_CONFIG", dir.toString(), "PATH", dir.resolve("bin").toString()));
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A credential helper: a real program on PATH that answers as docker's helpers do. */
  private void helper(String name, String script) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path exe = bin.resolve("docker-credential-" + name);
    Files.writeString(exe, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void readsTheBase64AuthOfARegistryWhateverTheKeysSpelling() throws Exception {
    DockerConfig c = config("{\"auths\": {\"https://registry.example.com:5000/v1/\": {\"auth\": \"" + base64("ann:s3:cret") + "\"}}}");
    assertThat(c.credentials("registry.example.com:5000")).contains(new Credentials("ann", "s3:cret"));
    assertThat(c.credentials("registry.example.com")).isEmpty();
  }

  @Test
  void dockerHubCredentialsAreFiledUnderTheIndexUrl() throws Exception {
    DockerConfig c = config("{\"auths\": {\"https://index.docker.io/v1/\": {\"auth\": \"" + base64("bob:pw") + "\"}}}");
    assertThat(c.credentials("docker.io")).contains(new Credentials("bob", "pw"));
  }

  @Test
  void identityTokenOfAnAuthsEntryWins() throws Exception {
    DockerConfig c = config("{\"auths\": {\"acr.example.io\": {\"auth\": \"" + base64("x:y") + "\", \"identitytoken\": \"refresh\"}}}");
    assertThat(c.credentials("acr.example.io")).contains(Credentials.identityToken("refresh"));
    assertThat(c.credentials("acr.example.io").orElseThrow().isIdentityToken()).isTrue();
  }

  @Test
  void missingFileMeansAnonymous() throws Exception {
    DockerConfig c = DockerConfig.load(Map.of("DOCKER_CONFIG", dir.resolve("none").toString()));
    assertThat(c.credentials("docker.io")).isEmpty();
  }

  @Test
  void credHelperOfTheRegistryIsAskedWithTheServerUrl() throws Exception {
    helper("stowagetest", """
        read server
        if [ "$1" = get ] && [ "$server" = "ghcr.io" ]; then
          echo '{"ServerURL":"ghcr.io","Username":"carol","Secret":"from-helper"}'
        else
          echo "credentials not found in native keychain"; exit 1
        fi
        """);
    DockerConfig c = config("{\"credHelpers\": {\"ghcr.io\": \"stowagetest\"}}");
    assertThat(c.credentials("ghcr.io")).contains(new Credentials("carol", "from-helper"));
    assertThat(c.credentials("quay.io")).isEmpty();
  }

  @Test
  void credsStoreServesEveryRegistryAndFallsBackToAuths() throws Exception {
    helper("store", """
        read server
        if [ "$server" = "https://index.docker.io/v1/" ]; then
          echo '{"ServerURL":"x","Username":"dan","Secret":"hub"}'
        else
          echo "credentials not found in native keychain"; exit 1
        fi
        """);
    DockerConfig c = config("{\"credsStore\": \"store\", \"auths\": {\"quay.io\": {\"auth\": \"" + base64("eve:q") + "\"}}}");
    assertThat(c.credentials("docker.io")).contains(new Credentials("dan", "hub"));
    assertThat(c.credentials("quay.io")).contains(new Credentials("eve", "q"));
  }

  @Test
  void failingHelperIsAnErrorNamingIt() throws Exception {
    helper("broken", "echo 'keychain locked' >&2; exit 3\n");
    DockerConfig c = config("{\"credsStore\": \"broken\"}");
    assertThatThrownBy(() -> c.credentials("ghcr.io"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("docker-credential-broken get")
        .hasMessageContaining("keychain locked");
  }

  @Test
  void helperMissingFromPathIsNamed() throws Exception {
    DockerConfig c = config("{\"credsStore\": \"absent\"}");
    assertThatThrownBy(() -> c.credentials("ghcr.io")).hasMessageContaining("docker-credential-absent");
  }

  @Test
  void malformedFileIsAnInputError() {
    assertThatThrownBy(() -> config("{\"auths\": "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dir.resolve("config.json").toString());
  }

  @Test
  void credentialsNeverPrintTheSecret() {
    assertThat(new Credentials("u", "hunter2").toString()).doesNotContain("hunter2");
  }
}
