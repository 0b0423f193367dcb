package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class YumInstallWithoutYesTest {
  private final RuleTester tester = RuleTester.of(YumInstallWithoutYes.class);

  @Test
  void catchesMissingYes() {
    tester.catches(
        """
        FROM centos:7
        RUN yum install httpd-2.4.6
        """);
    tester.catches(
        """
        FROM centos:7
        RUN yum groupinstall "Development Tools"
        """);
  }

  @Test
  void acceptsYesFlags() {
    tester.accepts(
        """
        FROM centos:7
        RUN yum install -y httpd-2.4.6
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum -y install httpd-2.4.6
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum install --assumeyes httpd
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum clean all
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM centos:7
        # expect: DL3030
        RUN yum install httpd-2.24.4 && yum clean all
        RUN yum install -y httpd-2.24.4 && yum clean all
        """);
  }

  @Test
  void insertsYes() {
    tester.fixes(
        """
        FROM centos:7
        RUN yum install httpd && yum clean all
        """,
        """
        FROM centos:7
        RUN yum install -y httpd && yum clean all
        """);
  }
}
