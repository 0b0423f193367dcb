package dev.stowage.lint.rules.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependenciesInstalledAfterSourceCopyTest {
  private final RuleTester tester = RuleTester.of(DependenciesInstalledAfterSourceCopy.class);

  @Test
  void catchesNpmCiAfterCopyingEverything() {
    tester.catchesAt("FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n", 4);
  }

  @Test
  void catchesPipRequirementsAndBundleAndComposer() {
    tester.catches("FROM python:3.12-slim\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\n");
    tester.catches("FROM ruby:3.3\nCOPY . .\nRUN bundle install\n");
    tester.catches("FROM composer:2\nADD . /app\nRUN composer install --no-dev\n");
    tester.catches("FROM python:3.12\nCOPY . .\nRUN poetry install --only main\n");
    assertThat(tester.catches("FROM python:3.12\nCOPY . .\nRUN uv pip install --system -r requirements/prod.txt\n"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("copy requirements/prod.txt first"));
    assertThat(tester.catches("FROM python:3.12\nCOPY . .\nRUN uv sync --frozen\n"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("copy pyproject.toml and uv.lock first"));
  }

  @Test
  void acceptsTheProjectInstalledAfterItsDependencies() {
    tester.accepts(
        "FROM python:3.12\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\n"
            + "COPY . .\nRUN uv sync --frozen\n");
    tester.accepts(
        "FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n"
            + "COPY . .\nRUN poetry install\n");
  }

  @Test
  void catchesGoBuildThatDownloadsModules() {
    tester.catches("FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/app\n");
  }

  @Test
  void catchesMavenPackageWithoutPriorDependencyResolution() {
    tester.catches("FROM maven:3.9-eclipse-temurin-21 AS build\nCOPY . .\nRUN mvn -B package -DskipTests\n");
  }

  @Test
  void acceptsManifestsFirst() {
    tester.accepts(
        """
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci
        COPY . .
        RUN npm run build
        """);
  }

  @Test
  void acceptsGoBuildAfterModDownload() {
    tester.accepts(
        """
        FROM golang:1.22 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN go build -o /app .
        """);
  }

  @Test
  void acceptsGoBuildWithModuleCacheMount() {
    tester.accepts(
        "FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\n");
  }

  @Test
  void acceptsInstallingNamedToolsAndCopiesFromStages() {
    tester.accepts("FROM node:22\nCOPY . .\nRUN npm install -g pm2\n");
    tester.accepts("FROM node:22\nCOPY --from=build /src/dist .\nRUN npm ci\n");
    tester.accepts("FROM python:3.12\nCOPY . .\nRUN pip install .\n");
  }

  @Test
  void looksAtEachStageOnItsOwn() {
    tester.accepts("FROM node:22 AS a\nCOPY . .\nFROM node:22\nCOPY package*.json ./\nRUN npm ci\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:22 AS web
        WORKDIR /web
        COPY . .
        # expect: ST1001
        RUN npm ci && npm run build

        FROM golang:1.22 AS api
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN go build -o /api .
        """);
  }

  @TempDir Path context;

  private RuleTester inContext(String... pathsAndContents) throws IOException {
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      Path f = context.resolve(pathsAndContents[i]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, pathsAndContents[i + 1]);
    }
    return tester.withContext(context);
  }

  private static final String PACKAGE_JSON =
      "{\"name\": \"web\", \"scripts\": {\"build\": \"tsc\"}, \"dependencies\": {\"express\": \"^4.19.2\"}}";

  @Test
  void fixMovesNpmCiWithTheManifestsBeforeTheSourceCopy() throws IOException {
    RuleTester tester = inContext("package.json", PACKAGE_JSON, "package-lock.json", "{}", "server.js", "");
    tester.fixes(
            """
            FROM node:22-slim
            WORKDIR /app
            COPY --chown=node:node . .
            RUN npm ci
            CMD ["node", "server.js"]
            """,
            """
            FROM node:22-slim
            WORKDIR /app
            COPY --chown=node:node package.json package-lock.json ./
            RUN npm ci
            COPY --chown=node:node . .
            CMD ["node", "server.js"]
            """);
  }

  @Test
  void fixSplitsAnInstallChainedWithTheBuild() throws IOException {
    RuleTester tester = inContext("package.json", PACKAGE_JSON, "yarn.lock", "", ".yarnrc", "registry x\n");
    tester.fixes(
            "FROM node:22\nWORKDIR /web\nCOPY . /web\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile \\\n && yarn build\n",
            "FROM node:22\nWORKDIR /web\n"
                + "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn --mount=type=bind,source=package.json,target=/web/package.json,rw \\\n"
                + "    --mount=type=bind,source=yarn.lock,target=/web/yarn.lock,rw \\\n"
                + "    --mount=type=bind,source=.yarnrc,target=/web/.yarnrc,rw \\\n"
                + "    yarn install --frozen-lockfile\n"
                + "COPY . /web\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn build\n");
  }

  @Test
  void noNodeFixWhenTheInstallMayReadTheSource() throws IOException {
    String src = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n";
    inContext("package.json", "{\"scripts\": {\"postinstall\": \"node scripts/patch.js\"}}", "package-lock.json", "{}")
        .fixUnchanged(src);
    Files.writeString(context.resolve("package.json"), "{\"dependencies\": {\"lib\": \"file:../lib\"}}");
    tester.withContext(context).fixUnchanged(src);
    Files.writeString(context.resolve("package.json"), "{\"workspaces\": [\"packages/*\"]}");
    tester.withContext(context).fixUnchanged(src);
  }

  @Test
  void noFixWithoutAContextOrWithChangedStateInBetween() throws IOException {
    tester.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n");
    RuleTester t = inContext("package.json", PACKAGE_JSON, "package-lock.json", "{}");
    t.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nENV NODE_ENV=production\nRUN npm ci\n");
    t.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN node gen.js\nRUN npm ci\n");
    t.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . /src\nRUN npm ci\n");
    t.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN cd web && npm ci\n");
  }

  @Test
  void noFixWhenTheContextShipsInstalledDependenciesOrIgnoresAManifest() throws IOException {
    RuleTester t = inContext("package.json", PACKAGE_JSON, "package-lock.json", "{}", "node_modules/x/index.js", "");
    t.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n");
    Files.writeString(context.resolve(".dockerignore"), "package-lock.json\n");
    t.fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n");
  }

  @Test
  void fixCopiesTheRequirementsFilesPipReads() throws IOException {
    RuleTester tester = inContext(
            "requirements/base.txt", "flask==3.0.3\n# web\n",
            "requirements/prod.txt", "-r base.txt\ngunicorn==22.0.0\n",
            "app.py", "");
    tester.fixes(
            """
            FROM python:3.12-slim
            WORKDIR /srv
            COPY . .
            RUN pip install --no-cache-dir -r requirements/prod.txt
            CMD ["gunicorn", "app:app"]
            """,
            """
            FROM python:3.12-slim
            WORKDIR /srv
            RUN --mount=type=bind,source=requirements/prod.txt,target=/srv/requirements/prod.txt,rw \\
                --mount=type=bind,source=requirements/base.txt,target=/srv/requirements/base.txt,rw \\
                pip install --no-cache-dir -r requirements/prod.txt
            COPY . .
            CMD ["gunicorn", "app:app"]
            """);
  }

  @Test
  void fixFollowsAnAbsoluteRequirementsPath() throws IOException {
    RuleTester tester = inContext("requirements.txt", "requests==2.32.3\n");
    tester.fixes(
            "FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n",
            "FROM python:3.12\nRUN --mount=type=bind,source=requirements.txt,target=/app/requirements.txt,rw \\\n"
                + "    pip install -r /app/requirements.txt\nCOPY . /app\n");
  }

  @Test
  void fixCopiesTheManifestsFirstWhereBindMountsCannotStandInForTheCopy() throws IOException {
    RuleTester tester = inContext("requirements.txt", "flask==3.0.3\n", "app.py", "x\n");
    // no WORKDIR: the folder the source lands in is the base image's, unknown here
    tester.fixes(
        "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n",
        "FROM python:3.12\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n");
    // the copy sets the owner the install may rely on
    tester.fixes(
        "FROM python:3.12\nWORKDIR /app\nCOPY --chown=1000 . .\nRUN pip install -r requirements.txt\n",
        "FROM python:3.12\nWORKDIR /app\nCOPY --chown=1000 requirements.txt ./\nRUN pip install -r requirements.txt\n"
            + "COPY --chown=1000 . .\n");
  }

  @Test
  void fixBindMountsTheManifestsWithTheRunsEscapeCharacter() throws IOException {
    inContext("requirements.txt", "flask==3.0.3\n")
        .fixes(
            "# escape=`\nFROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n",
            "# escape=`\nFROM python:3.12\nWORKDIR /app\nRUN --mount=type=bind,source=requirements.txt,target=/app/requirements.txt,rw `\n"
                + "    pip install -r requirements.txt\nCOPY . .\n");
  }

  @Test
  void fixPutsTheBindMountsWhereTheCommandStarts() throws IOException {
    inContext("requirements.txt", "flask==3.0.3\n")
        .fixes(
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN \\\n    pip install -r requirements.txt\n",
            "FROM python:3.12\nWORKDIR /app\nRUN \\\n    --mount=type=bind,source=requirements.txt,target=/app/requirements.txt,rw \\\n"
                + "    pip install -r requirements.txt\nCOPY . .\n");
  }

  @Test
  void fixCopiesAFindLinksFolderOfWheelsWithTheRequirements() throws IOException {
    inContext("requirements.txt", "flask==3.0.3\n", "wheels/flask-3.0.3-py3-none-any.whl", "wheel\n", "app.py", "x\n")
        .fixes(
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --no-index --find-links wheels -r requirements.txt\n",
            "FROM python:3.12\nWORKDIR /app\nRUN --mount=type=bind,source=wheels,target=/app/wheels,rw \\\n"
                + "    --mount=type=bind,source=requirements.txt,target=/app/requirements.txt,rw \\\n"
                + "    pip install --no-index --find-links wheels -r requirements.txt\nCOPY . .\n");
  }

  @Test
  void noPipFixWhenFindLinksIsAUrlOrOutsideTheCopy() throws IOException {
    inContext("requirements.txt", "flask==3.0.3\n", "wheels/w.whl", "wheel\n");
    tester.withContext(context).fixUnchanged(
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -f https://example.com/wheels -r requirements.txt\n");
    tester.withContext(context).fixUnchanged(
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -f /opt/wheels -r requirements.txt\n");
    tester.withContext(context).fixUnchanged(
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -f missing -r requirements.txt\n");
  }

  @Test
  void noPipFixForEditableOrLocalRequirements() throws IOException {
    String src = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n";
    inContext("requirements.txt", "-e .\n").fixUnchanged(src);
    Files.writeString(context.resolve("requirements.txt"), "./libs/mylib\n");
    tester.withContext(context).fixUnchanged(src);
    Files.writeString(context.resolve("requirements.txt"), "flask==3.0.3\n");
    tester.withContext(context).fixUnchanged(
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt .\n");
  }

  @Test
  void fixDownloadsGoModulesBeforeTheSourceCopy() throws IOException {
    RuleTester tester = inContext("go.mod", "module example.com/app\n\ngo 1.22\n", "go.sum", "", "main.go", "package main\n");
    tester.fixes(
            """
            FROM golang:1.22 AS build
            WORKDIR /src
            COPY . .
            RUN CGO_ENABLED=0 go build -o /app .
            """,
            """
            FROM golang:1.22 AS build
            WORKDIR /src
            RUN --mount=type=bind,source=go.mod,target=/src/go.mod,rw \\
                --mount=type=bind,source=go.sum,target=/src/go.sum,rw \\
                go mod download
            COPY . .
            RUN CGO_ENABLED=0 go build -o /app .
            """);
  }

  @Test
  void noGoFixWithALocalReplaceOrVendoring() throws IOException {
    String src = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n";
    inContext("go.mod", "module m\n\nreplace example.com/lib => ./lib\n").fixUnchanged(src);
    Files.writeString(context.resolve("go.mod"), "module m\n");
    Files.createDirectories(context.resolve("vendor"));
    tester.withContext(context).fixUnchanged(src);
  }

  @Test
  void fixResolvesMavenDependenciesForASingleModuleBuild() throws IOException {
    RuleTester tester = inContext("pom.xml", "<project><artifactId>app</artifactId></project>", "mvnw", "", ".mvn/wrapper/maven-wrapper.properties", "");
    tester.fixes(
            "FROM eclipse-temurin:21-jdk\nWORKDIR /build\nCOPY . .\nRUN ./mvnw -B package -DskipTests\n",
            "FROM eclipse-temurin:21-jdk\nWORKDIR /build\nRUN --mount=type=bind,source=pom.xml,target=/build/pom.xml,rw \\\n"
                + "    --mount=type=bind,source=mvnw,target=/build/mvnw,rw \\\n"
                + "    --mount=type=bind,source=.mvn,target=/build/.mvn,rw \\\n"
                + "    ./mvnw -B dependency:go-offline\nCOPY . .\nRUN ./mvnw -B package -DskipTests\n");
    Files.writeString(context.resolve("pom.xml"), "<project><modules><module>a</module></modules></project>");
    tester.withContext(context).fixUnchanged("FROM maven:3.9\nWORKDIR /b\nCOPY . .\nRUN mvn -B package\n");
  }

  @Test
  void fixInstallsComposerPackagesWithoutScriptsThenFinishesAfterTheCopy() throws IOException {
    RuleTester tester = inContext("composer.json", "{\"require\": {\"monolog/monolog\": \"^3.0\"}}", "composer.lock", "{}");
    tester.fixes(
            "FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n",
            "FROM composer:2\nWORKDIR /app\nRUN --mount=type=bind,source=composer.json,target=/app/composer.json,rw \\\n"
                + "    --mount=type=bind,source=composer.lock,target=/app/composer.lock,rw \\\n"
                + "    composer install --no-dev --no-scripts --no-autoloader\nCOPY . .\nRUN composer install --no-dev\n");
  }

  @Test
  void fixSyncsUvDependenciesWithoutTheProjectThenTheProjectAfterTheCopy() throws IOException {
    RuleTester tester =
        inContext("pyproject.toml", "[project]\nname = \"app\"\ndependencies = [\"flask\"]\n", "uv.lock", "version = 1\n",
            ".python-version", "3.12\n");
    String mounted =
        "FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=bind,source=pyproject.toml,target=/app/pyproject.toml,rw \\\n"
            + "    --mount=type=bind,source=uv.lock,target=/app/uv.lock,rw \\\n"
            + "    --mount=type=bind,source=.python-version,target=/app/.python-version,rw \\\n";
    tester.fixes(
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev\n",
        mounted
            + "    uv sync --frozen --no-dev --no-install-project\nCOPY . .\nRUN uv sync --frozen --no-dev\n");
    // already without the project: the sync itself moves
    tester.fixes(
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked --no-install-project\n",
        mounted
            + "    uv sync --locked --no-install-project\nCOPY . .\n");
  }

  @Test
  void noUvFixForWorkspacesPathSourcesOrAMissingLock() throws IOException {
    String src = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\n";
    inContext("pyproject.toml", "[project]\nname = \"app\"\n[tool.uv.workspace]\nmembers = [\"libs/*\"]\n", "uv.lock", "")
        .fixUnchanged(src);
    inContext("pyproject.toml", "[project]\nname = \"app\"\n[tool.uv.sources]\nlib = { path = \"../lib\" }\n", "uv.lock", "")
        .fixUnchanged(src);
    RuleTester noLock = inContext("pyproject.toml", "[project]\nname = \"app\"\n");
    Files.delete(context.resolve("uv.lock"));
    noLock.fixUnchanged(src);
    // an unignored .venv in the context: the copy would overwrite the environment the sync made
    RuleTester venv = inContext("pyproject.toml", "[project]\nname = \"app\"\n", "uv.lock", "", ".venv/pyvenv.cfg", "");
    venv.fixUnchanged(src);
  }

  @Test
  void fixInstallsPoetryDependenciesWithoutTheRootPackageFirst() throws IOException {
    RuleTester tester = inContext("pyproject.toml", "[tool.poetry]\nname = \"app\"\n", "poetry.lock", "");
    tester.fixes(
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install --only main\n",
        "FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=bind,source=pyproject.toml,target=/app/pyproject.toml,rw \\\n"
            + "    --mount=type=bind,source=poetry.lock,target=/app/poetry.lock,rw \\\n"
            + "    poetry install --only main --no-root\nCOPY . .\nRUN poetry install --only main\n");
  }

  @Test
  void fixMovesPnpmInstallWithItsLockFile() throws IOException {
    RuleTester tester = inContext("package.json", PACKAGE_JSON, "pnpm-lock.yaml", "lockfileVersion: '9.0'\n", ".npmrc", "");
    String src = "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile --prod\nCMD [\"node\", \"server.js\"]\n";
    tester.fixes(
        src,
        "FROM node:22-slim\nWORKDIR /app\n"
            + "RUN --mount=type=bind,source=package.json,target=/app/package.json,rw \\\n"
            + "    --mount=type=bind,source=pnpm-lock.yaml,target=/app/pnpm-lock.yaml,rw \\\n"
            + "    --mount=type=bind,source=.npmrc,target=/app/.npmrc,rw \\\n"
            + "    pnpm install --frozen-lockfile --prod\nCOPY . .\nCMD [\"node\", \"server.js\"]\n");
    // a hook that runs during the install, or a workspace: the install reads more of the project
    Files.writeString(context.resolve(".pnpmfile.cjs"), "module.exports = {hooks: {}};\n");
    tester.withContext(context).fixUnchanged(src);
    Files.delete(context.resolve(".pnpmfile.cjs"));
    Files.writeString(context.resolve("pnpm-workspace.yaml"), "packages: ['lib/*']\n");
    tester.withContext(context).fixUnchanged(src);
  }

  @Test
  void noNodeFixWhenPatchesOrOverridesComeFromTheSource() throws IOException {
    String src = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile\n";
    RuleTester t = inContext("package.json", "{\"pnpm\": {\"patchedDependencies\": {\"a@1.0.0\": \"patches/a.patch\"}}}",
        "pnpm-lock.yaml", "");
    t.fixUnchanged(src);
    Files.writeString(context.resolve("package.json"), "{\"pnpm\": {\"overrides\": {\"a\": \"link:./vendor/a\"}}}");
    t.withContext(context).fixUnchanged(src);
    Files.writeString(context.resolve("package.json"), "{\"resolutions\": {\"a\": \"file:./vendor/a.tgz\"}}");
    Files.writeString(context.resolve("yarn.lock"), "");
    t.withContext(context).fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\n");
    Files.writeString(context.resolve("package.json"),
        "{\"dependencies\": {\"a\": \"patch:a@npm%3A1.0.0#~/.yarn/patches/a.patch\"}}");
    t.withContext(context).fixUnchanged("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install --immutable\n");
  }

  @Test
  void fixMovesPipenvInstallUnlessItReadsTheProjectsFilesOrDotEnv() throws IOException {
    RuleTester tester = inContext("Pipfile", "[packages]\nflask = \"*\"\n", "Pipfile.lock", "{}");
    String src = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pipenv install --system --deploy\n";
    tester.fixes(
        src,
        "FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=bind,source=Pipfile,target=/app/Pipfile,rw \\\n"
            + "    --mount=type=bind,source=Pipfile.lock,target=/app/Pipfile.lock,rw \\\n"
            + "    pipenv install --system --deploy\nCOPY . .\n");
    Files.writeString(context.resolve(".env"), "PIP_INDEX_URL=https://mirror.example/simple\n");
    tester.withContext(context).fixUnchanged(src);
    Files.delete(context.resolve(".env"));
    Files.writeString(context.resolve("Pipfile"), "[packages]\nmylib = {file = \"./dist/mylib-1.0.tar.gz\"}\n");
    tester.withContext(context).fixUnchanged(src);
    Files.writeString(context.resolve("Pipfile"), "[packages]\nmylib = {path = \".\", editable = true}\n");
    tester.withContext(context).fixUnchanged(src);
  }

  @Test
  void fixMovesComposerInstallWithItsCredentialsFileButNotLocalRepositories() throws IOException {
    RuleTester tester = inContext("composer.json", "{\"require\": {\"monolog/monolog\": \"^3.0\"}}", "composer.lock", "{}",
        "auth.json", "{}");
    tester.fixes(
        "FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n",
        "FROM composer:2\nWORKDIR /app\nRUN --mount=type=bind,source=composer.json,target=/app/composer.json,rw \\\n"
            + "    --mount=type=bind,source=composer.lock,target=/app/composer.lock,rw \\\n"
            + "    --mount=type=bind,source=auth.json,target=/app/auth.json,rw \\\n"
            + "    composer install --no-dev --no-scripts --no-autoloader\nCOPY . .\nRUN composer install --no-dev\n");
    Files.writeString(context.resolve("composer.json"),
        "{\"repositories\": [{\"type\": \"artifact\", \"url\": \"packages/\"}], \"require\": {\"acme/x\": \"1.0\"}}");
    tester.withContext(context).fixUnchanged("FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n");
  }

  @Test
  void fixMovesBundleInstall() throws IOException {
    RuleTester tester = inContext("Gemfile", "source 'https://rubygems.org'\ngem 'rack'\n", "Gemfile.lock", "");
    tester.fixes(
            "FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n",
            "FROM ruby:3.3\nWORKDIR /app\nRUN --mount=type=bind,source=Gemfile,target=/app/Gemfile,rw \\\n"
                + "    --mount=type=bind,source=Gemfile.lock,target=/app/Gemfile.lock,rw \\\n    bundle install\nCOPY . .\n");
    // the project's own Bundler settings (install path, groups) are read from .bundle/config
    inContext(".bundle/config", "---\nBUNDLE_WITHOUT: \"development\"\n")
        .fixUnchanged("FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n");
    Files.delete(context.resolve(".bundle/config"));
    Files.writeString(context.resolve("Gemfile"), "source 'https://rubygems.org'\ngemspec\n");
    tester.withContext(context).fixUnchanged("FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n");
  }

  @Test
  void fixResolvesGradleDependenciesForASingleProjectBuild() throws IOException {
    RuleTester tester =
        inContext(
            "build.gradle.kts", "plugins { java }\ndependencies { implementation(libs.guava) }\n",
            "settings.gradle.kts", "rootProject.name = \"app\"\n",
            "gradlew", "",
            "gradle/wrapper/gradle-wrapper.properties", "",
            "gradle/libs.versions.toml", "");
    tester.fixes(
        "FROM eclipse-temurin:21-jdk\nWORKDIR /w\nCOPY . .\nRUN ./gradlew build --no-daemon\n",
        "FROM eclipse-temurin:21-jdk\nWORKDIR /w\nRUN --mount=type=bind,source=settings.gradle.kts,target=/w/settings.gradle.kts,rw \\\n"
            + "    --mount=type=bind,source=build.gradle.kts,target=/w/build.gradle.kts,rw \\\n"
            + "    --mount=type=bind,source=gradlew,target=/w/gradlew,rw \\\n"
            + "    --mount=type=bind,source=gradle,target=/w/gradle,rw \\\n"
            + "    ./gradlew dependencies --no-daemon\nCOPY . .\nRUN ./gradlew build --no-daemon\n");
    Files.writeString(context.resolve("settings.gradle.kts"), "rootProject.name = \"app\"\ninclude(\"core\")\n");
    tester.fixUnchanged("FROM eclipse-temurin:21-jdk\nWORKDIR /w\nCOPY . .\nRUN ./gradlew build --no-daemon\n");
  }

  private static final String CARGO_TOML =
      "[package]\nname = \"word-count\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\n";

  @Test
  void fixBuildsCargoDependenciesAgainstStubSourcesBeforeTheSourceCopy() throws IOException {
    RuleTester tester = inContext("Cargo.toml", CARGO_TOML, "Cargo.lock", "", "src/main.rs", "fn main() {}\n");
    tester.fixes(
        "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build -r --locked -F fast\n",
        "FROM rust:1.80\nWORKDIR /app\nRUN --mount=type=bind,source=Cargo.toml,target=/app/Cargo.toml,rw \\\n"
            + "    --mount=type=bind,source=Cargo.lock,target=/app/Cargo.lock,rw \\\n"
            + "    --mount=type=tmpfs,target=/app/src \\\n"
            + "    echo 'fn main() {}' > src/main.rs && cargo build -r --locked -F fast"
            + " && cargo clean --release --locked -p word-count\n"
            + "COPY . .\nRUN cargo build -r --locked -F fast\n");
  }

  @Test
  void fixStubsTheLibraryToo() throws IOException {
    RuleTester tester =
        inContext("Cargo.toml", CARGO_TOML, "Cargo.lock", "", "src/main.rs", "", "src/lib.rs", "");
    tester.fixes(
        "FROM rust:1.80\nWORKDIR /w\nCOPY . .\nRUN cargo build --profile dist --target x86_64-unknown-linux-musl\n",
        "FROM rust:1.80\nWORKDIR /w\nRUN --mount=type=bind,source=Cargo.toml,target=/w/Cargo.toml,rw \\\n"
            + "    --mount=type=bind,source=Cargo.lock,target=/w/Cargo.lock,rw \\\n"
            + "    --mount=type=tmpfs,target=/w/src \\\n"
            + "    echo 'fn main() {}' > src/main.rs && touch src/lib.rs"
            + " && cargo build --profile dist --target x86_64-unknown-linux-musl"
            + " && cargo clean --profile dist --target x86_64-unknown-linux-musl -p word-count\n"
            + "COPY . .\nRUN cargo build --profile dist --target x86_64-unknown-linux-musl\n");
  }

  @Test
  void noCargoFixUnlessThePackageUsesCargosDefaultsAlone() throws IOException {
    String src = "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n";
    RuleTester tester = inContext("Cargo.toml", CARGO_TOML, "Cargo.lock", "", "src/main.rs", "");
    // targets or packages other than the defaults, another target folder
    tester.fixUnchanged("FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release --bin tool\n");
    tester.fixUnchanged("FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --target-dir /out\n");
    tester.fixUnchanged("FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo +nightly build\n");
    // no folder to mount the stubs into
    tester.fixUnchanged("FROM rust:1.80\nCOPY . .\nRUN cargo build --release\n");
    // workspaces, path dependencies, declared targets, links, several binaries, no lock file
    for (String toml :
        java.util.List.of(
            CARGO_TOML + "[workspace]\nmembers = [\"cli\"]\n",
            CARGO_TOML + "util = { path = \"../util\" }\n",
            CARGO_TOML + "\n[[bin]]\nname = \"tool\"\n",
            CARGO_TOML.replace("edition", "links = \"z\"\nedition"))) {
      Files.writeString(context.resolve("Cargo.toml"), toml);
      tester.withContext(context).fixUnchanged(src);
    }
    Files.writeString(context.resolve("Cargo.toml"), CARGO_TOML);
    Files.createDirectories(context.resolve("src/bin"));
    tester.withContext(context).fixUnchanged(src);
    Files.delete(context.resolve("src/bin"));
    Files.delete(context.resolve("Cargo.lock"));
    tester.withContext(context).fixUnchanged(src);
  }
}
