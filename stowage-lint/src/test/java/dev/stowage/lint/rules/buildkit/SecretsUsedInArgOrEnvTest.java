package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class SecretsUsedInArgOrEnvTest {
  private final RuleTester tester = RuleTester.of(SecretsUsedInArgOrEnv.class);

  @Test
  void catchesSecretNames() {
    tester.catches("FROM scratch\nARG AWS_SECRET_ACCESS_KEY\n");
    tester.catches("FROM scratch\nENV DB_PASSWORD=x\n");
    tester.catches("FROM scratch\nENV github_token=x\n");
    tester.catches("FROM scratch\nARG apikey\n");
  }

  @Test
  void acceptsNamesThatOnlyContainAWord() {
    tester.accepts("FROM scratch\nENV KEYBOARD=us TOKENIZER=x MONKEY=1\n");
    tester.accepts("FROM scratch\nARG GPG_KEYS\n");
  }

  @Test
  void acceptsPublicKeysGlobalArgsAndOnbuild() {
    tester.accepts("FROM scratch\nENV PUBLIC_KEY=x\n");
    tester.accepts("FROM scratch\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\n");
    tester.accepts("ARG NPM_TOKEN\nFROM scratch\n");
    tester.accepts("FROM scratch\nONBUILD ENV PASSWORD=x\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine
        ARG VERSION=1
        # expect: SecretsUsedInArgOrEnv
        ENV API_KEY=abc \\
            MODE=prod
        """);
  }
}
