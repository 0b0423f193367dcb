/**
 * What is in a container image: sources ({@link dev.stowage.image.ImageSource}), the streaming
 * analysis with dive's efficiency definitions ({@link dev.stowage.image.ImageAnalyzer}) and the CI
 * budgets ({@link dev.stowage.image.CiRules}).
 */
@NullMarked
package dev.stowage.image;

import org.jspecify.annotations.NullMarked;
