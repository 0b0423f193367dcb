package dev.stowage.lint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class WorldWritablePermissionsTest {
  private final RuleTester tester = RuleTester.of(WorldWritablePermissions.class);

  @Test
  void catchesChmod777() {
    tester.catches("FROM debian:12\nRUN chmod 777 /app\n");
    tester.catches("FROM debian:12\nRUN mkdir /data && chmod -R 0777 /data\n");
  }

  @Test
  void catchesSymbolicModes() {
    tester.catches("FROM debian:12\nRUN chmod a+rwx /app\n");
    tester.catches("FROM debian:12\nRUN chmod -R o+w /srv\n");
  }

  @Test
  void catchesCopyChmod() {
    tester.catches("FROM debian:12\nCOPY --chmod=777 run.sh /usr/local/bin/\n");
  }

  @Test
  void acceptsSafeModesAndStickyDirectories() {
    tester.accepts("FROM debian:12\nRUN chmod 755 /app && chmod +x run.sh && chmod 1777 /tmp\n");
    tester.accepts("FROM debian:12\nRUN chmod 3777 /var/run/postgresql\n");
    tester.accepts("FROM debian:12\nRUN chmod a+rwxt /shared\n");
    tester.accepts("FROM debian:12\nCOPY --chmod=0755 run.sh /usr/local/bin/\n");
  }

  @Test
  void acceptsScratchDirectoriesRemovedInTheSameRun() {
    tester.accepts(
        "FROM debian:12\n"
            + "RUN tempDir=\"$(mktemp -d)\" && chmod 777 \"$tempDir\" && apt-get install -y x && rm"
            + " -rf \"$tempDir\"\n");
    tester.catches("FROM debian:12\nRUN chmod 777 /a /b && rm -rf /a\n");
  }

  @Test
  void readsModes() {
    assertThat(WorldWritablePermissions.isWorldWritable("666")).isTrue();
    assertThat(WorldWritablePermissions.isWorldWritable("u+w,o+w")).isTrue();
    assertThat(WorldWritablePermissions.isWorldWritable("g+w")).isFalse();
    assertThat(WorldWritablePermissions.isWorldWritable("o-w")).isFalse();
    assertThat(WorldWritablePermissions.isWorldWritable("775")).isFalse();
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN chmod 644 /etc/app.conf
        # expect: ST3006
        RUN chmod -R 777 /var/www
        # expect: ST3006
        COPY --chmod=666 config.yml /etc/app/
        """);
  }
}
