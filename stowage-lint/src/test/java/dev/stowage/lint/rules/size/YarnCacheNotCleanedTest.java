package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class YarnCacheNotCleanedTest {
  private final RuleTester tester = RuleTester.of(YarnCacheNotCleaned.class);

  @Test
  void catchesInstallWithoutClean() {
    tester.catches("FROM node:20\nRUN yarn install --frozen-lockfile\n");
  }

  @Test
  void catchesBareYarn() {
    tester.catches("FROM node:20\nRUN yarn\n");
  }

  @Test
  void acceptsCacheClean() {
    tester.accepts("FROM node:20\nRUN yarn install && yarn cache clean\n");
  }

  @Test
  void acceptsRemovedCacheFolder() {
    tester.accepts("FROM node:20\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n");
  }

  @Test
  void acceptsCacheMount() {
    tester.accepts("FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n");
  }

  @Test
  void acceptsBuilderStageNotInTheImage() {
    tester.accepts("FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n");
  }

  @Test
  void acceptsOtherYarnCommands() {
    tester.accepts("FROM node:20\nRUN yarn --version && yarn build\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:20
        RUN yarn install && yarn cache clean
        # expect: DL3060
        RUN yarn install
        """);
  }
}
