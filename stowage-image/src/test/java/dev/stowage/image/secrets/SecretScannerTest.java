package dev.stowage.image.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.stowage.image.DockerArchive;
import dev.stowage.image.ImageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretScannerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @TempDir static Path dir;

  static String random(String alphabet, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** A PKCS#8 PEM private key made by the JDK. */
  static String pem() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(g.generateKeyPair().getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  /** An OpenSSH private key made by ssh-keygen. */
  static String openSsh() throws Exception {
    Path key = dir.resolve("id_ed25519");
    Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key.toString())
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("ssh-keygen (openssh-client): %s", out).isZero();
    return Files.readString(key);
  }

  static String body(String pem) {
    return pem.replaceAll("-----[A-Z0-9 ]+-----|\\s+", "");
  }

  static String pemKey;
  static String sshKey;
  static String accessKey;
  static String secretKey;
  static String githubToken;
  static String npmToken;
  static String npmAuth;
  static String sessionSecret;
  static String pypiPassword;
  static String dockerAuth;
  static String gcpKey;
  static SecretScanner.Report report;

  @BeforeAll
  static void buildAndScan() throws Exception {
    pemKey = pem();
    sshKey = openSsh();
    accessKey = "AKIA" + random(UPPER, 16);
    secretKey = random(ALNUM + "/+", 40);
    githubToken = "ghp_" + random(ALNUM, 36);
    npmToken = "npm_" + random(ALNUM, 36);
    npmAuth = Base64.getEncoder().encodeToString(("ci:" + random(ALNUM, 20)).getBytes(StandardCharsets.US_ASCII));
    sessionSecret = random(ALNUM, 32);
    pypiPassword = "pypi-" + random(ALNUM, 60);
    dockerAuth = Base64.getEncoder().encodeToString(("ci:" + random(ALNUM, 24)).getBytes(StandardCharsets.US_ASCII));
    String gcpPem = pem();
    gcpKey = body(gcpPem);
    String serviceAccount = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"shop-prod\",\n"
        + "  \"private_key_id\": \"" + random("0123456789abcdef", 40) + "\",\n"
        + "  \"private_key\": \"" + gcpPem.replace("\n", "\\n") + "\",\n"
        + "  \"client_email\": \"deploy@shop-prod.iam.gserviceaccount.com\"\n}\n";
    DockerArchive image = new DockerArchive();
    image.layer("ADD busybox.tar /").file("/bin/true", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0});
    image.layer("COPY . /app")
        .file("/root/.ssh/id_ed25519", sshKey.getBytes(StandardCharsets.US_ASCII), 0600)
        .file("/app/certs/server.key", pemKey.getBytes(StandardCharsets.US_ASCII))
        .file("/app/.env", ("# production\nDATABASE_URL=postgres://db/shop\nAWS_ACCESS_KEY_ID=" + accessKey
            + "\nAWS_SECRET_ACCESS_KEY=" + secretKey + "\nAPI_TOKEN=\"\"\nexport SESSION_SECRET='" + sessionSecret + "'\n").getBytes(StandardCharsets.US_ASCII))
        .file("/app/.env.example", "AWS_SECRET_ACCESS_KEY=changeme\nAPI_TOKEN=your-token-here\n".getBytes(StandardCharsets.US_ASCII))
        .file("/app/deploy.sh", ("#!/bin/sh\ngit clone https://x-access-token:" + githubToken + "@github.com/shop/app\n").getBytes(StandardCharsets.US_ASCII), 0755)
        .file("/root/.npmrc", ("//registry.npmjs.org/:_authToken=" + npmToken + "\n//npm.internal/:_auth=" + npmAuth + "\n")
            .getBytes(StandardCharsets.US_ASCII))
        .file("/root/.pypirc", ("[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = " + pypiPassword + "\n")
            .getBytes(StandardCharsets.US_ASCII))
        .file("/root/.docker/config.json", ("{\"auths\":{\"registry.example.com\":{\"auth\":\"" + dockerAuth + "\"}}}").getBytes(StandardCharsets.US_ASCII))
        .file("/app/gcp.json", serviceAccount.getBytes(StandardCharsets.US_ASCII))
        .file("/app/README.md", "Set AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE as in the AWS docs.\n".getBytes(StandardCharsets.US_ASCII))
        .file("/app/blob.bin", ("\0\0binary" + pemKey).getBytes(StandardCharsets.US_ASCII));
    image.layer("RUN rm -rf /root/.ssh /app/certs/server.key /root/.docker && echo > /root/.npmrc")
        .whiteout("/root/.ssh")
        .whiteout("/app/certs/server.key")
        .directory("/root/.docker")
        .opaque("/root/.docker")
        .file("/root/.npmrc", "\n".getBytes(StandardCharsets.US_ASCII));
    Path tar = image.write(dir.resolve("image.tar"));
    report = SecretScanner.create().scan(ImageSource.parse("docker-archive:" + tar), Optional.empty());
  }

  private static Map<String, SecretFinding> byRuleAndPath() {
    return report.findings().stream().collect(Collectors.toMap(f -> f.rule().id() + " " + f.path(), Function.identity()));
  }

  @Test
  void findsEverySecretAndNothingElse() {
    assertThat(byRuleAndPath().keySet()).containsExactlyInAnyOrder(
        "private-key /root/.ssh/id_ed25519",
        "private-key /app/certs/server.key",
        "aws-access-key-id /app/.env",
        "aws-secret-access-key /app/.env",
        "dotenv-secret /app/.env",
        "github-token /app/deploy.sh",
        "npm-token /root/.npmrc",
        "npmrc-auth /root/.npmrc",
        "pypirc-password /root/.pypirc",
        "docker-config-auth /root/.docker/config.json",
        "gcp-service-account /app/gcp.json");
  }

  /** Each finding and the value it must redact (read after the image is built). */
  static Stream<Arguments> values() {
    return Stream.of(
        arguments("private-key /root/.ssh/id_ed25519", (Supplier<String>) () -> body(sshKey)),
        arguments("private-key /app/certs/server.key", (Supplier<String>) () -> body(pemKey)),
        arguments("aws-access-key-id /app/.env", (Supplier<String>) () -> accessKey),
        arguments("aws-secret-access-key /app/.env", (Supplier<String>) () -> secretKey),
        arguments("dotenv-secret /app/.env", (Supplier<String>) () -> sessionSecret),
        arguments("github-token /app/deploy.sh", (Supplier<String>) () -> githubToken),
        arguments("npm-token /root/.npmrc", (Supplier<String>) () -> npmToken),
        arguments("npmrc-auth /root/.npmrc", (Supplier<String>) () -> npmAuth),
        arguments("pypirc-password /root/.pypirc", (Supplier<String>) () -> pypiPassword),
        arguments("docker-config-auth /root/.docker/config.json", (Supplier<String>) () -> dockerAuth),
        arguments("gcp-service-account /app/gcp.json", (Supplier<String>) () -> gcpKey));
  }

  @ParameterizedTest
  @MethodSource("values")
  void valuesAreRedactedToTheirFirstFourCharactersAndLength(String finding, Supplier<String> secret) {
    String value = secret.get();
    SecretFinding f = byRuleAndPath().get(finding);
    assertThat(f.redacted()).isEqualTo(value.substring(0, 4) + "…");
    assertThat(f.length()).isEqualTo(value.length());
    assertThat(f.toString()).doesNotContain(value.substring(0, 12));
  }

  @Test
  void deletedSecretsAreReportedWithTheLayerThatAddedThemAndTheOneThatRemovedThem() {
    Map<String, SecretFinding> f = byRuleAndPath();
    assertThat(report.layers()).hasSize(3);
    for (SecretFinding s : report.findings()) {
      assertThat(s.layer()).isEqualTo(1);
      assertThat(s.layerDigest()).isEqualTo(report.layers().get(1).digest()).startsWith("sha256:");
      assertThat(s.layerCommand()).isEqualTo("COPY . /app");
    }
    assertThat(f.get("private-key /root/.ssh/id_ed25519").removedByLayer()).isEqualTo(OptionalInt.of(2));
    assertThat(f.get("private-key /app/certs/server.key").removedByLayer()).isEqualTo(OptionalInt.of(2));
    assertThat(f.get("docker-config-auth /root/.docker/config.json").removedByLayer()).isEqualTo(OptionalInt.of(2));
    assertThat(f.get("npmrc-auth /root/.npmrc").removedByLayer()).isEqualTo(OptionalInt.of(2)); // overwritten
    assertThat(f.get("aws-access-key-id /app/.env").inFinalImage()).isTrue();
    assertThat(f.get("gcp-service-account /app/gcp.json").inFinalImage()).isTrue();
    assertThat(f.get("aws-secret-access-key /app/.env").line()).isEqualTo(4);
    assertThat(f.get("github-token /app/deploy.sh").line()).isEqualTo(2);
  }

  static Stream<Path> diveFixtures() throws IOException {
    String prop = System.getProperty("stowage.shared");
    for (String candidate : new String[] {prop, "../shared", "../../shared"}) {
      if (candidate != null && Files.isDirectory(Path.of(candidate, "fixtures/images/dive"))) {
        return Files.list(Path.of(candidate, "fixtures/images/dive").toAbsolutePath().normalize())
            .filter(p -> p.getFileName().toString().endsWith(".tar"))
            .sorted();
      }
    }
    throw new IllegalStateException("shared fixtures not found (set -Dstowage.shared=DIR)");
  }

  @ParameterizedTest
  @MethodSource("diveFixtures")
  void busyboxImagesHaveNoSecrets(Path archive) throws Exception {
    SecretScanner.Report r = SecretScanner.create().scan(ImageSource.parse(archive.toString()), Optional.empty());
    assertThat(r.layers()).isNotEmpty();
    assertThat(r.findings()).isEmpty();
  }
}
