/**
 * The build history: every {@code stowage build} and {@code stowage bench} run recorded in a SQLite
 * file or a PostgreSQL database ({@link dev.stowage.build.history.HistoryStore}), with schema
 * migrations ({@link dev.stowage.build.history.Migrations}), and trends with regressions against
 * the recent median ({@link dev.stowage.build.history.Trends}).
 */
@NullMarked
package dev.stowage.build.history;

import org.jspecify.annotations.NullMarked;
