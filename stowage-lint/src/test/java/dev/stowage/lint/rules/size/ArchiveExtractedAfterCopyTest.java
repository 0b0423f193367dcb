package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ArchiveExtractedAfterCopyTest {
  private final RuleTester tester = RuleTester.of(ArchiveExtractedAfterCopy.class);

  @Test
  void catchesCopyThenTarExtract() {
    tester.catchesAt(
        "FROM debian:12\nCOPY rootfs.tar.xz /tmp/\nRUN tar -xJf /tmp/rootfs.tar.xz -C /\n", 2);
  }

  @Test
  void catchesOldStyleAndLongOptions() {
    tester.catches("FROM debian:12\nCOPY app.tgz /opt/\nRUN cd /opt && tar xzf app.tgz\n");
    tester.catches(
        "FROM debian:12\nCOPY app.tar /opt/\nRUN tar --extract --file=/opt/app.tar -C /opt\n");
  }

  @Test
  void catchesArchiveNamedByTheDestination() {
    tester.catchesAt(
        "FROM debian:12\nCOPY build-output /tmp/app.tar.gz\nRUN tar -xzf /tmp/app.tar.gz\n", 2);
  }

  @Test
  void acceptsWhatAddCannotDo() {
    tester.accepts("FROM debian:12\nCOPY app.zip /opt/\nRUN unzip /opt/app.zip\n");
    tester.accepts(
        "FROM debian:12\n"
            + "COPY app.tgz /opt/\n"
            + "RUN tar -xzf /opt/app.tgz --strip-components=1 -C /opt\n");
    tester.accepts("FROM debian:12\nCOPY app.tgz /opt/\nRUN tar -xzf /opt/app.tgz app/bin\n");
    tester.accepts("FROM debian:12\nCOPY app.tgz /opt/\nRUN tar -tzf /opt/app.tgz\n");
  }

  @Test
  void acceptsOtherStagesAndOtherFiles() {
    tester.accepts(
        "FROM debian:12\nCOPY app.tgz /opt/\nFROM debian:12\nRUN tar -xzf /opt/app.tgz\n");
    tester.accepts(
        "FROM debian:12 AS b\n"
            + "FROM debian:12\n"
            + "COPY --from=b /app.tgz /opt/\n"
            + "RUN tar -xzf /opt/app.tgz\n");
    tester.accepts("FROM debian:12\nCOPY a.tgz /opt/\nRUN tar -xzf /opt/b.tgz\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        # expect: DL3010
        COPY --chown=app packaged-app.tar /usr/src/app
        RUN tar -xf /usr/src/app/packaged-app.tar -C /usr/src/app
        COPY notes.txt /usr/src/app/
        """);
  }
}
