/**
 * The semantic model of a Dockerfile: stages and their graph, ARG and ENV scopes exactly as
 * BuildKit resolves them, and variable expansion. Entry point: {@link
 * dev.stowage.dockerfile.model.DockerfileModel#of}.
 */
@NullMarked
package dev.stowage.dockerfile.model;

import org.jspecify.annotations.NullMarked;
