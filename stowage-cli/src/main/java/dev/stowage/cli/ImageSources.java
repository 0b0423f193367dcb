package dev.stowage.cli;

import dev.stowage.build.Engine;
import dev.stowage.build.EngineUnavailableException;
import dev.stowage.build.ImageExporter;
import dev.stowage.dockerfile.ImageReference;
import dev.stowage.image.ImageAnalyzer;
import dev.stowage.image.ImageContent;
import dev.stowage.image.ImageFormatException;
import dev.stowage.image.ImageReport;
import dev.stowage.image.ImageSource;
import dev.stowage.image.ImageStream;
import dev.stowage.registry.DockerConfig;
import dev.stowage.registry.Platform;
import dev.stowage.registry.RegistryClient;
import dev.stowage.registry.RegistryException;
import dev.stowage.registry.RegistryImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an image SOURCE of any kind, for every command that takes one: archives and layouts
 * directly, registry references through stowage-registry (credentials from the docker config
 * file), {@code docker-daemon:REF} streamed from the engine's {@code docker save} (nothing written
 * to disk). Turns failures into
 * the CLI's exceptions: unreachable registry or engine exit 3, everything else the user named
 * exit 2.
 *
 * @param platform {@code os/arch[/variant]} to pick from an index, if given
 * @param insecureRegistries registries that may be reached over plain HTTP besides loopback
 * @param env the environment (docker config, credential helpers, engine discovery)
 */
record ImageSources(Optional<String> platform, Set<String> insecureRegistries, Map<String, String> env) {
  ImageSources {
    insecureRegistries = Set.copyOf(insecureRegistries);
    env = Map.copyOf(env);
  }

  /** What a command does with an image, local, fetched or streamed (an analysis, an SBOM, ...). */
  interface Reader<T> {
    /** Reads a local archive or layout; {@code platform} picks from an index. */
    T read(ImageSource source, Optional<String> platform) throws ImageFormatException, IOException;

    /** Reads an image fetched by digest, already narrowed to one platform. */
    T read(ImageContent content) throws ImageFormatException, IOException;

    /** Reads an archive once as it streams from the engine ({@code docker save}). */
    T read(ImageStream stream) throws ImageFormatException, IOException;
  }

  /** {@link Reader#read(ImageSource, Optional)} alone. */
  interface LocalReader<T> {
    T read(ImageSource source, Optional<String> platform) throws ImageFormatException, IOException;
  }

  /** {@link Reader#read(ImageContent)} alone. */
  interface FetchedReader<T> {
    T read(ImageContent content) throws ImageFormatException, IOException;
  }

  /** {@link Reader#read(ImageStream)} alone. */
  interface StreamedReader<T> {
    T read(ImageStream stream) throws ImageFormatException, IOException;
  }

  /** A {@link Reader} from its three parts, e.g. a scanner's three {@code scan} methods. */
  static <T> Reader<T> reader(LocalReader<T> local, FetchedReader<T> fetched, StreamedReader<T> streamed) {
    return new Reader<>() {
      @Override
      public T read(ImageSource source, Optional<String> platform) throws ImageFormatException, IOException {
        return local.read(source, platform);
      }

      @Override
      public T read(ImageContent content) throws ImageFormatException, IOException {
        return fetched.read(content);
      }

      @Override
      public T read(ImageStream stream) throws ImageFormatException, IOException {
        return streamed.read(stream);
      }
    };
  }

  /** The image analysis as a {@link Reader}. */
  static Reader<ImageReport> analysis(ImageAnalyzer analyzer) {
    return reader(analyzer::analyze, content -> analyzer.analyze(content, Optional.empty()), analyzer::analyze);
  }

  /** The image analysis with its merged file tree (for {@code image diff}) as a {@link Reader}. */
  static Reader<ImageAnalyzer.Analysis> treeAnalysis(ImageAnalyzer analyzer) {
    return reader(analyzer::analysis, content -> analyzer.analysis(content, Optional.empty()), analyzer::analysis);
  }

  <T> T read(String argument, Reader<T> reader) throws UserInputException, EnvironmentException {
    ImageSource source;
    try {
      source = ImageSource.parse(argument);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    try {
      return switch (source.kind()) {
        case REGISTRY -> fromRegistry(reader, source);
        case DOCKER_DAEMON -> fromDaemon(reader, source);
        default -> reader.read(source, platform);
      };
    } catch (ImageFormatException e) {
      Optional<RegistryException> cause = registryCause(e);
      if (cause.isPresent() && cause.get().isEnvironment()) {
        throw new EnvironmentException(e.getMessage(), e);
      }
      throw new UserInputException(e.getMessage());
    } catch (RegistryException e) {
      if (e.isEnvironment()) {
        throw new EnvironmentException(e.getMessage(), e);
      }
      throw new UserInputException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(argument + ": " + e.getMessage());
    } catch (IOException e) {
      throw new EnvironmentException("reading " + argument + ": " + e.getMessage(), e);
    }
  }

  private <T> T fromRegistry(Reader<T> reader, ImageSource source) throws ImageFormatException, IOException {
    ImageReference reference = ImageReference.parse(source.reference());
    Optional<Platform> wanted = platform.map(Platform::parse);
    DockerConfig config = DockerConfig.load(env);
    RegistryClient client = RegistryClient.create(config::credentials, insecureRegistries);
    RegistryImage image = RegistryImage.open(client, reference, wanted);
    return reader.read(image);
  }

  /**
   * {@code docker save} streamed into the reader: each layer is read as it passes, nothing is
   * written to disk. The platform is the engine's own (docker save exports one image).
   */
  private <T> T fromDaemon(Reader<T> reader, ImageSource source)
      throws ImageFormatException, IOException, UserInputException, EnvironmentException {
    Engine engine;
    try {
      engine = Engine.discover(env);
    } catch (EngineUnavailableException e) {
      throw new EnvironmentException(e.getMessage(), e);
    }
    try {
      return new ImageExporter(engine).stream(source.reference(),
          archive -> reader.read(new ImageStream(source.toString(), archive)));
    } catch (ImageExporter.NoSuchImageException e) {
      throw new UserInputException(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("docker save " + source.reference() + ": interrupted", e);
    }
  }

  private static Optional<RegistryException> registryCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RegistryException r) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
