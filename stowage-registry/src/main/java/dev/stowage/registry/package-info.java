/**
 * An OCI distribution client: {@link dev.stowage.registry.RegistryClient} fetches manifests,
 * indexes and digest-verified blobs with anonymous, basic or bearer-token authentication and the
 * docker config file's credentials ({@link dev.stowage.registry.DockerConfig}); {@link
 * dev.stowage.registry.RegistryImage} hands a pulled image to the image analysis.
 */
@NullMarked
package dev.stowage.registry;

import org.jspecify.annotations.NullMarked;
