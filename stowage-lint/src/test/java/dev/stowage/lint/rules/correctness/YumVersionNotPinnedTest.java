package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class YumVersionNotPinnedTest {
  private final RuleTester tester = RuleTester.of(YumVersionNotPinned.class);

  @Test
  void catchesUnpinned() {
    tester.catches(
        """
        FROM centos:7
        RUN yum install -y httpd
        """);
    tester.catches(
        """
        FROM centos:7
        RUN yum install -y python3-devel
        """);
  }

  @Test
  void acceptsVersionsFilesAndGroups() {
    tester.accepts(
        """
        FROM centos:7
        RUN yum install -y httpd-2.4.6
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum install -y python3-devel-3.6.8-18.el7
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum install -y /tmp/tool.rpm https://example.com/x.rpm
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum install -y @development
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum groupinstall -y "Development Tools"
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM centos:7
        # expect: DL3033
        RUN yum install -y httpd && yum clean all
        RUN yum install -y httpd-2.24.2 && yum clean all
        """);
  }
}
