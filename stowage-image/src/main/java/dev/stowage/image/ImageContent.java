package dev.stowage.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An image that is not a local file: content fetched by digest from a registry or an engine. The
 * root document is an image manifest or an index in the OCI or Docker v2 schema 2 media types;
 * every other document and blob is opened by its digest, and implementations verify each stream
 * against that digest as it is read (a mismatch is an {@link IOException} at the end of the
 * stream). Implementations say whether they are thread-safe.
 */
public interface ImageContent extends Closeable {
  /** The name used in reports and messages, such as {@code 127.0.0.1:5000/app:1.0}. */
  String name();

  /** The manifest or index the name resolves to, as bytes. */
  byte[] root() throws IOException;

  /** A manifest listed by an index, a config or a layer, by its digest ({@code sha256:...}). */
  InputStream open(String digest) throws IOException;
}
