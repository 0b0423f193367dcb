/**
 * Stowage's Dockerfile model: a lossless syntax tree read exactly as BuildKit reads it, with typed
 * instructions on top. The entry point is {@link dev.stowage.dockerfile.Dockerfile#parse}.
 */
@NullMarked
package dev.stowage.dockerfile;

import org.jspecify.annotations.NullMarked;
