package dev.stowage.dockerfile.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileModelTest {

  private static final String MULTI =
      """
      ARG GO_VERSION=1.22
      FROM golang:${GO_VERSION}-bookworm AS Build
      WORKDIR /src
      RUN --mount=type=cache,target=/go/pkg/mod go build -o /out/app .
      FROM debian:bookworm-slim AS tools
      RUN apt-get update
      FROM build AS test
      RUN go test ./...
      FROM gcr.io/distroless/static:nonroot
      COPY --from=build /out/app /app
      RUN --mount=type=bind,from=1,source=/usr/bin/curl,target=/curl true
      """;

  @Test
  void stagesAndTheirBases() {
    DockerfileModel m = DockerfileModel.of(Dockerfile.parse(MULTI));
    List<Stage> stages = m.stages();
    assertThat(stages).hasSize(4);
    assertThat(stages.get(0).name()).contains("build");
    assertThat(stages.get(0).base().name()).isEqualTo("golang:1.22-bookworm");
    assertThat(stages.get(0).base()).isInstanceOfSatisfying(
        Base.Image.class,
        b -> {
          assertThat(b.reference().repository()).isEqualTo("library/golang");
          assertThat(b.reference().tag()).contains("1.22-bookworm");
        });
    assertThat(stages.get(2).base()).isEqualTo(new Base.StageBase("build", 0));
    assertThat(stages.get(3).base()).isInstanceOfSatisfying(
        Base.Image.class, b -> assertThat(b.reference().registry()).isEqualTo("gcr.io"));
    assertThat(stages.get(3).name()).isEmpty();
    assertThat(stages.get(3).line()).isEqualTo(9);
  }

  @Test
  void stageGraphFromBaseCopyAndMount() {
    DockerfileModel m = DockerfileModel.of(Dockerfile.parse(MULTI));
    assertThat(m.stages().get(2).dependsOn()).containsExactly(0);
    assertThat(m.stages().get(3).dependsOn()).containsExactly(0, 1);
    assertThat(m.stages().get(3).dependencies())
        .extracting(Dependency::kind)
        .containsExactly(Dependency.Kind.COPY_FROM, Dependency.Kind.MOUNT_FROM);
    assertThat(m.finalStage().map(Stage::index)).contains(3);
    assertThat(m.target().map(Stage::index)).contains(3);
    assertThat(m.unneededStages()).extracting(Stage::index).containsExactly(2);
  }

  @Test
  void targetChangesWhatIsNeeded() {
    DockerfileModel m =
        DockerfileModel.of(Dockerfile.parse(MULTI), BuildOptions.defaults().withTarget("TEST"));
    assertThat(m.target().map(Stage::index)).contains(2);
    assertThat(m.unneededStages()).extracting(Stage::index).containsExactly(1, 3);
    assertThat(m.problems()).isEmpty();
    DockerfileModel missing =
        DockerfileModel.of(Dockerfile.parse(MULTI), BuildOptions.defaults().withTarget("nope"));
    assertThat(missing.problems()).singleElement().asString().contains("nope");
  }

  @Test
  void buildArgsOverrideGlobalDefaults() {
    DockerfileModel m =
        DockerfileModel.of(
            Dockerfile.parse(MULTI), BuildOptions.defaults().withBuildArgs(Map.of("GO_VERSION", "1.23")));
    assertThat(m.stages().get(0).base().name()).isEqualTo("golang:1.23-bookworm");
  }

  @Test
  void globalArgsAreVisibleInsideAStageOnlyWhenRedeclared() {
    Dockerfile df =
        Dockerfile.parse(
            """
            ARG V=1
            ARG NOVALUE
            FROM alpine
            RUN echo a
            ARG V
            RUN echo b
            ARG NOVALUE
            ARG W=${V}-x
            RUN echo c
            """);
    DockerfileModel m = DockerfileModel.of(df);
    List<Instruction> ins = df.instructions();
    assertThat(m.globalScope().lookup("V")).contains("1");
    assertThat(m.scopeBefore(ins.get(3)).lookup("V")).isEmpty();
    assertThat(m.scopeBefore(ins.get(5)).lookup("V")).contains("1");
    assertThat(m.scopeBefore(ins.get(8)).lookup("W")).contains("1-x");
    assertThat(m.scopeBefore(ins.get(8)).isDeclared("NOVALUE")).isTrue();
    assertThat(m.scopeBefore(ins.get(8)).lookup("NOVALUE")).isEmpty();
    assertThat(m.globalArgs()).hasSize(2);
    assertThat(m.stageOf(ins.get(0))).isEmpty();
    assertThat(m.stageOf(ins.get(3)).map(Stage::index)).contains(0);
  }

  @Test
  void platformArgsAreAutomaticInGlobalScopeAndNeedDeclaringInAStage() {
    Dockerfile df =
        Dockerfile.parse(
            """
            FROM --platform=$BUILDPLATFORM golang:1.22 AS build
            RUN echo $TARGETARCH
            ARG TARGETARCH
            ARG TARGETOS TARGETVARIANT
            RUN echo $TARGETARCH
            """);
    BuildOptions opts =
        BuildOptions.defaults().withTargetPlatform("linux/arm/v7");
    DockerfileModel m = DockerfileModel.of(df, opts);
    assertThat(m.stages().get(0).platform()).contains(opts.buildPlatform());
    List<Instruction> ins = df.instructions();
    assertThat(m.scopeBefore(ins.get(1)).lookup("TARGETARCH")).isEmpty();
    assertThat(m.scopeBefore(ins.get(4)).lookup("TARGETARCH")).contains("arm");
    assertThat(m.scopeBefore(ins.get(4)).lookup("TARGETVARIANT")).contains("v7");
    assertThat(m.scopeBefore(ins.get(4)).lookup("TARGETOS")).contains("linux");
  }

  @Test
  void envIsInheritedFromParentStageAndWinsOverArgs() throws Exception {
    Dockerfile df =
        Dockerfile.parse(
            """
            FROM alpine AS base
            ARG A=arg
            ENV A=env B=${A}
            ENV C="quoted value" D=$B
            FROM base
            ARG A=again
            RUN echo
            """);
    DockerfileModel m = DockerfileModel.of(df);
    List<Instruction> ins = df.instructions();
    Scope s = m.scopeBefore(ins.get(6));
    assertThat(s.lookup("A")).contains("env");
    assertThat(s.lookup("B")).contains("arg");
    assertThat(s.lookup("C")).contains("quoted value");
    assertThat(s.lookup("D")).contains("arg");
    assertThat(s.expand("${C}-${A}")).isEqualTo("quoted value-env");
    assertThat(s.isArg("A")).isTrue();
    assertThat(s.isEnv("A")).isTrue();
  }

  @Test
  void invalidAndScratchBases() {
    DockerfileModel m =
        DockerfileModel.of(Dockerfile.parse("FROM scratch\nFROM Not_Valid:x:y\nFROM $UNSET\n"));
    assertThat(m.stages().get(0).base()).isInstanceOf(Base.Scratch.class);
    assertThat(m.stages().get(1).base()).isInstanceOf(Base.Invalid.class);
    assertThat(m.stages().get(2).base()).isInstanceOf(Base.Invalid.class);
    assertThat(m.stage("1")).map(Stage::index).isEqualTo(Optional.of(1));
  }
}
