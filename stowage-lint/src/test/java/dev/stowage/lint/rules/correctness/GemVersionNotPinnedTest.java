package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class GemVersionNotPinnedTest {
  private final RuleTester tester = RuleTester.of(GemVersionNotPinned.class);

  @Test
  void catchesUnpinnedGem() {
    tester.catches(
        """
        FROM ruby:3.3
        RUN gem install bundler
        """);
    tester.catches(
        """
        FROM ruby:3.3
        RUN gem i rake
        """);
  }

  @Test
  void acceptsPinnedGems() {
    tester.accepts(
        """
        FROM ruby:3.3
        RUN gem install bundler:2.5.6
        """);
    tester.accepts(
        """
        FROM ruby:3.3
        RUN gem install bundler -v 2.5.6
        """);
    tester.accepts(
        """
        FROM ruby:3.3
        RUN gem install bundler --version=2.5.6
        """);
    tester.accepts(
        """
        FROM ruby:3.3
        RUN gem install ./pkg/tool-1.0.gem
        """);
    tester.accepts(
        """
        FROM ruby:3.3
        RUN gem update --system
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM ruby:3.3
        # expect: DL3028
        RUN gem install rails
        RUN gem install rails:7.1.3
        """);
  }
}
