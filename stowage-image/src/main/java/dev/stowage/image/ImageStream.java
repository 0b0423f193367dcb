package dev.stowage.image;

import java.io.InputStream;

/**
 * An image archive read once, front to back, as it arrives: the output of {@code docker save}
 * (Docker's layout, or the OCI layout with a {@code manifest.json} that newer engines write) or
 * an OCI archive. Nothing of it is written to disk: each layer is analysed as it streams by and
 * the layers are put in order once the manifest and the config, which come last, arrive. The
 * reader does not close {@code tar}.
 *
 * @param name the name used in reports and messages, such as {@code docker-daemon:app:1.0}
 * @param tar the archive's bytes
 */
public record ImageStream(String name, InputStream tar) {}
