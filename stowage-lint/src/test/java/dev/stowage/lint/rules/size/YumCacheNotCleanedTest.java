package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class YumCacheNotCleanedTest {
  private final RuleTester tester = RuleTester.of(YumCacheNotCleaned.class);

  @Test
  void catchesMissingClean() {
    tester.catches(
        """
        FROM centos:7
        RUN yum install -y httpd-2.4.6
        """);
    tester.catches(
        """
        FROM centos:7
        RUN yum clean all && yum install -y httpd-2.4.6
        """);
  }

  @Test
  void acceptsCleanRemovalAndCacheMounts() {
    tester.accepts(
        """
        FROM centos:7
        RUN yum install -y httpd-2.4.6 && yum clean all
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6
        """);
    tester.accepts(
        """
        FROM centos:7
        RUN yum makecache
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM centos:7
        # expect: DL3032
        RUN yum install -y httpd-2.24.2
        RUN yum install -y httpd-2.24.2 && yum clean all
        """);
  }
}
