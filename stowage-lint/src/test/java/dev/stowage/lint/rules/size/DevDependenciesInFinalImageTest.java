package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevDependenciesInFinalImageTest {
  private final RuleTester tester = RuleTester.of(DevDependenciesInFinalImage.class);

  @Test
  void catchesNpmCiInTheFinalStage() {
    tester.catchesAt("FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n", 3);
  }

  @Test
  void catchesDevRequirementsComposerAndBundler() {
    tester.catches("FROM python:3.12-slim\nRUN pip install -r requirements-dev.txt\n");
    tester.catches("FROM python:3.12-slim\nRUN pip install -r requirements/test.txt\n");
    tester.catches("FROM php:8.3-apache\nRUN composer install --optimize-autoloader\n");
    tester.catches("FROM ruby:3.3-slim\nRUN bundle install --jobs 4\n");
    tester.catches("FROM python:3.12-slim\nRUN poetry install --no-root\n");
  }

  @Test
  void acceptsProductionInstalls() {
    tester.accepts("FROM node:22-slim\nRUN npm ci --omit=dev\n");
    tester.accepts("FROM node:22-slim\nRUN npm ci --only=production\n");
    tester.accepts("FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci\n");
    tester.accepts("FROM node:22-slim\nRUN NODE_ENV=production npm install\n");
    tester.accepts("FROM node:22-slim\nRUN npm ci && npm run build && npm prune --omit=dev\n");
    tester.accepts("FROM node:22-slim\nRUN yarn install --production --frozen-lockfile\n");
    tester.accepts("FROM python:3.12-slim\nRUN pip install -r requirements.txt\n");
    tester.accepts("FROM php:8.3\nRUN composer install --no-dev\n");
    tester.accepts("FROM ruby:3.3\nENV BUNDLE_WITHOUT=development:test\nRUN bundle install\n");
    tester.accepts("FROM ruby:3.3\nRUN bundle config set --local without 'development test' && bundle install\n");
    tester.accepts("FROM python:3.12\nRUN poetry install --only main\n");
    tester.accepts("FROM ruby:3.3\nRUN bundle --version\n");
  }

  @Test
  void acceptsBuildStages() {
    tester.accepts("FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:22 AS build
        RUN npm ci
        RUN npm run build
        FROM node:22-slim
        COPY --from=build /app/dist ./dist
        COPY package*.json ./
        # expect: ST2004
        RUN npm install
        """);
  }

  @Test
  void fixBuildsInAStageAndShipsProductionDependenciesOnly() {
    tester.fixes(
        """
        FROM node:22-slim
        ENV PORT=3000
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci
        COPY . .
        RUN npm run build
        EXPOSE 3000
        USER node
        CMD ["node", "dist/server.js"]
        """,
        """
        FROM node:22-slim AS build
        ENV PORT=3000
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci
        COPY . .
        RUN npm run build
        RUN npm prune --omit=dev

        FROM node:22-slim
        ENV PORT=3000
        WORKDIR /app
        COPY --from=build /app /app
        EXPOSE 3000
        USER node
        CMD ["node", "dist/server.js"]
        """);
  }

  @Test
  void fixUsesTheOldPruneFlagForOldNode() {
    tester.fixes(
        "FROM node:14\nWORKDIR /srv\nCOPY . .\nRUN npm install && npm run build\nCMD npm start\n",
        "FROM node:14 AS build\nWORKDIR /srv\nCOPY . .\nRUN npm install && npm run build\nRUN npm prune --production\n\n"
            + "FROM node:14\nWORKDIR /srv\nCOPY --from=build /srv /srv\nCMD npm start\n");
  }

  @Test
  void noSplitWhenTheBuildMayNeedMoreThanTheWorkingDirectory() {
    // no build step: the devDependencies may be what runs
    tester.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"npx\", \"ts-node\", \"main.ts\"]\n");
    // a system package the program may use
    tester.fixUnchanged(
        "FROM node:22\nRUN apt-get update && apt-get install -y ffmpeg\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n");
    // files owned by another user
    tester.fixUnchanged("FROM node:22\nWORKDIR /app\nUSER node\nCOPY . .\nRUN npm ci && npm run build\n");
    tester.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY --chown=node . .\nRUN npm ci && npm run build\n");
    // yarn: another prune
    tester.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install && yarn build\n");
    // already several stages
    tester.fixUnchanged("FROM node:22 AS a\nFROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n");
  }

  @TempDir Path context;

  private RuleTester withPackageJson(String json) throws IOException {
    Files.writeString(context.resolve("package.json"), json);
    return RuleTester.of(DevDependenciesInFinalImage.class).withContext(context);
  }

  private static final String SERVICE =
      """
      FROM node:18-bookworm-slim
      WORKDIR /app
      COPY . .
      RUN npm ci
      EXPOSE 3000
      CMD %s
      """;

  @Test
  void fixOmitsTheDevDependenciesWhenTheImageOnlyRunsNodeOnAFile() throws IOException {
    RuleTester t =
        withPackageJson(
            """
            {"scripts": {"start": "node src/server.js", "test": "node --test"},
             "dependencies": {"express": "^4"}, "devDependencies": {"supertest": "^7"}}
            """);
    t.fixes(SERVICE.formatted("[\"npm\", \"start\"]"), SERVICE.formatted("[\"npm\", \"start\"]").replace("npm ci", "npm ci --omit=dev"));
    t.fixes(SERVICE.formatted("node src/server.js"), SERVICE.formatted("node src/server.js").replace("npm ci", "npm ci --omit=dev"));
    t.fixes(SERVICE.formatted("[\"npm\", \"run\", \"start\"]"), SERVICE.formatted("[\"npm\", \"run\", \"start\"]").replace("npm ci", "npm ci --omit=dev"));
    // npm cache clean after the install needs nothing; Node 14's npm 6 has --production only
    String old = SERVICE.formatted("[\"node\", \"src/server.js\"]").replace("node:18-bookworm-slim", "node:14").replace("npm ci", "npm ci && npm cache clean --force");
    t.fixes(old, old.replace("npm ci &&", "npm ci --production &&"));
  }

  @Test
  void noOmitFixWhenSomethingMayRunADevDependency() throws IOException {
    RuleTester t =
        withPackageJson(
            """
            {"scripts": {"start": "nodemon src/server.js", "serve": "node -r ts-node/register src/server.ts",
                         "prestart2": "x", "start2": "node a.js", "chain": "node a.js && node b.js"}}
            """);
    for (String cmd :
        new String[] {
          "[\"npm\", \"start\"]", // the script runs a devDependency's binary
          "[\"npm\", \"run\", \"serve\"]", // node preloads a devDependency
          "[\"npm\", \"run\", \"start2\"]", // a pre-script runs first
          "[\"npm\", \"run\", \"chain\"]", // more than one command
          "[\"npx\", \"ts-node\", \"src/server.ts\"]",
          "[\"node\", \"--require\", \"dotenv/config\", \"a.js\"]",
        }) {
      assertNoFix(t, SERVICE.formatted(cmd));
    }
    // a later step may use them
    assertNoFix(t, SERVICE.formatted("[\"node\", \"a.js\"]").replace("RUN npm ci", "RUN npm ci && npm test"));
    assertNoFix(t, SERVICE.formatted("[\"node\", \"a.js\"]").replace("EXPOSE 3000", "RUN npx tsc"));
    // an ENTRYPOINT of the stage's own, or no copy of the context root into the working directory
    assertNoFix(t, SERVICE.formatted("[\"a.js\"]").replace("EXPOSE 3000", "ENTRYPOINT [\"node\"]"));
    assertNoFix(t, SERVICE.formatted("[\"node\", \"a.js\"]").replace("COPY . .", "COPY app/ ."));
    // an install script commonly runs a devDependency (husky, patch-package)
    assertNoFix(
        withPackageJson("{\"scripts\": {\"prepare\": \"husky install\"}}"),
        SERVICE.formatted("[\"node\", \"a.js\"]"));
    // without the build context nothing is known about the scripts
    assertNoFix(tester, SERVICE.formatted("[\"node\", \"a.js\"]"));
  }

  private static void assertNoFix(RuleTester t, String dockerfile) {
    assertThat(t.catches(dockerfile))
        .as(dockerfile)
        .allSatisfy(f -> assertThat(f.fix()).isEmpty());
  }
}
