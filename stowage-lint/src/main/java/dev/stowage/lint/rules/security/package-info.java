/** Rules about risk: users, secrets, unverified downloads and permissions. */
@NullMarked
package dev.stowage.lint.rules.security;

import org.jspecify.annotations.NullMarked;
