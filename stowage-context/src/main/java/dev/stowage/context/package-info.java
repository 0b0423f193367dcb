/**
 * What a build context sends: the {@code .dockerignore} engine ({@link
 * dev.stowage.context.DockerIgnore}) with BuildKit's matching rules, and the context walk ({@link
 * dev.stowage.context.ContextScan}).
 */
@NullMarked
package dev.stowage.context;

import org.jspecify.annotations.NullMarked;
