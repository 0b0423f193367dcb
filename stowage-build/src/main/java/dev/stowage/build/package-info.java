/**
 * Runs real BuildKit builds and measures them: engine discovery ({@link
 * dev.stowage.build.Engine#discover}), the build driver ({@link dev.stowage.build.Builder}),
 * BuildKit's progress stream ({@link dev.stowage.build.ProgressParser}) and build metrics ({@link
 * dev.stowage.build.BuildMetrics}).
 */
@NullMarked
package dev.stowage.build;

import org.jspecify.annotations.NullMarked;
