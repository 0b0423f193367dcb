/**
 * Secrets shipped in an image: {@link dev.stowage.image.secrets.SecretScanner} reads every layer
 * once and reports private keys, cloud credentials, tokens of well-known formats and credential
 * files ({@code .env}, {@code .npmrc}, {@code .pypirc}, docker's {@code config.json}), also those
 * that a later layer deletes, with the value redacted.
 */
@NullMarked
package dev.stowage.image.secrets;

import org.jspecify.annotations.NullMarked;
