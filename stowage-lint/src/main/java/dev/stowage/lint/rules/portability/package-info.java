/** Rules about builds that only work on one platform. */
@NullMarked
package dev.stowage.lint.rules.portability;

import org.jspecify.annotations.NullMarked;
