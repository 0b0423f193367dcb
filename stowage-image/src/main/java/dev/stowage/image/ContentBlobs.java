package dev.stowage.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link ImageContent} seen as an OCI image layout: {@code index.json} is the root document and
 * {@code blobs/ALG/HEX} the content with that digest. Keeps no state of its own: as thread-safe as
 * its content.
 */
final class ContentBlobs extends Blobs {
  private static final Pattern BLOB = Pattern.compile("blobs/([a-z0-9]+)/([a-f0-9]{32,128})");
  private final ImageContent content;

  ContentBlobs(ImageContent content) {
    this.content = content;
  }

  @Override
  boolean has(String name) {
    return name.equals("oci-layout") || name.equals("index.json") || BLOB.matcher(name).matches();
  }

  @Override
  Optional<InputStream> open(String name) throws IOException {
    if (name.equals("index.json")) {
      return Optional.of(new ByteArrayInputStream(content.root()));
    }
    var m = BLOB.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(content.open(m.group(1) + ":" + m.group(2)));
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
