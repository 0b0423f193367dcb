package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * COPY of a tarball followed by {@code tar -x} stores the archive in one layer and its contents in
 * another; {@code ADD} extracts a local tar archive itself, in one layer, without the archive.
 */
@Rule(
    id = "DL3010",
    title = "Use ADD for extracting archives into an image",
    severity = Severity.INFO,
    category = Category.SIZE)
public final class ArchiveExtractedAfterCopy implements DockerfileRule {
  // the compressions ADD recognises when it extracts a local tar archive (not zip)
  private static final List<String> TAR_SUFFIXES =
      List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz");
  private static final String SHORT_WITH_VALUE = "fCbTXKNgFLHI";
  private static final Set<String> LONG_WITH_VALUE =
      Set.of(
          "--file",
          "--directory",
          "--exclude",
          "--files-from",
          "--exclude-from",
          "--transform",
          "--xform",
          "--strip-components",
          "--owner",
          "--group",
          "--mode",
          "--format",
          "--use-compress-program",
          "--to-command",
          "--newer",
          "--after-date",
          "--blocking-factor",
          "--record-size",
          "--label",
          "--index-file",
          "--volno-file",
          "--info-script",
          "--new-volume-script",
          "--rsh-command",
          "--backup",
          "--suffix",
          "--occurrence");
  // options with which tar does something ADD cannot do
  private static final Set<String> PARTIAL =
      Set.of(
          "--strip-components",
          "--transform",
          "--xform",
          "--exclude",
          "--exclude-from",
          "--files-from",
          "--wildcards",
          "--to-stdout",
          "--to-command",
          "-O",
          "-T",
          "-X",
          "--occurrence",
          "--keep-old-files",
          "-k",
          "--skip-old-files");

  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      Map<String, Word> copied = new LinkedHashMap<>();
      List<Word> reported = new ArrayList<>();
      for (Instruction ins : stage.instructions()) {
        if (ins instanceof Instruction.Copy copy
            && copy.from().isEmpty()
            && copy.heredocs().isEmpty()) {
          remember(copy, ctx, copied);
        } else if (ins instanceof Instruction.Run run && !copied.isEmpty()) {
          Optional<ShellScript> script = ctx.shell(run);
          if (script.isEmpty()) {
            continue;
          }
          for (Command c : script.get().commands()) {
            Optional<String> archive = extractedArchive(c);
            if (archive.isEmpty()) {
              continue;
            }
            Word source = copied.get(basename(archive.get()));
            if (source != null && !reported.contains(source)) {
              reported.add(source);
              ctx.report(
                  source.span(),
                  "'"
                      + basename(archive.get())
                      + "' is copied, then extracted on line "
                      + run.line()
                      + "; ADD extracts a local tar archive in one layer without keeping the"
                      + " archive");
            }
          }
        }
      }
    }
  }

  private static void remember(Instruction.Copy copy, RuleContext ctx, Map<String, Word> copied) {
    Optional<Word> dest = copy.destination();
    if (dest.isEmpty()) {
      return;
    }
    String target = ctx.scopeBefore(copy).expandOrRaw(dest.get().value());
    if (isTarArchive(target)) {
      copied.put(basename(target), dest.get());
      return;
    }
    for (Word w : copy.sources()) {
      String src = ctx.scopeBefore(copy).expandOrRaw(w.value());
      if (isTarArchive(src) && !src.contains("*") && !src.contains("?") && !src.contains("://")) {
        copied.put(basename(src), w);
      }
    }
  }

  static boolean isTarArchive(String path) {
    String p = stripQuotes(path);
    return TAR_SUFFIXES.stream().anyMatch(p::endsWith);
  }

  static String basename(String path) {
    String p = stripQuotes(path);
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return p.substring(slash + 1);
  }

  private static String stripQuotes(String s) {
    String p = s.strip();
    if (p.length() >= 2
        && (p.charAt(0) == '"' || p.charAt(0) == '\'')
        && p.charAt(p.length() - 1) == p.charAt(0)) {
      return p.substring(1, p.length() - 1);
    }
    return p;
  }

  /**
   * The archive a {@code tar} command extracts whole (a {@code -f} file, not stdin), understanding
   * bundled {@code -xzf}, old-style {@code xzf} and long options; empty for other commands and for
   * partial extractions (members, {@code --strip-components}, {@code --exclude}, ...).
   */
  static Optional<String> extractedArchive(Command c) {
    if (!c.is("tar")) {
      return Optional.empty();
    }
    List<String> args = c.argTexts();
    boolean extract = false;
    boolean partial = false;
    String file = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      boolean oldStyle = i == 0 && !a.startsWith("-") && a.matches("[A-Za-z]+");
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        String name = eq > 0 ? a.substring(0, eq) : a;
        String value = eq > 0 ? a.substring(eq + 1) : null;
        if (value == null && LONG_WITH_VALUE.contains(name) && i + 1 < args.size()) {
          value = args.get(++i);
        }
        extract |= name.equals("--extract") || name.equals("--get");
        partial |= PARTIAL.contains(name);
        if (name.equals("--file")) {
          file = value;
        }
      } else if (oldStyle || (a.startsWith("-") && a.length() > 1)) {
        String cluster = oldStyle ? a : a.substring(1);
        for (int k = 0; k < cluster.length(); k++) {
          char ch = cluster.charAt(k);
          extract |= ch == 'x';
          partial |= PARTIAL.contains("-" + ch);
          if (SHORT_WITH_VALUE.indexOf(ch) >= 0) {
            String value;
            if (!oldStyle && k + 1 < cluster.length()) {
              value = cluster.substring(k + 1);
              k = cluster.length();
            } else {
              value = i + 1 < args.size() ? args.get(++i) : null;
            }
            if (ch == 'f') {
              file = value;
            }
            if (!oldStyle) {
              break;
            }
          }
        }
      } else {
        partial = true; // a member name: only part of the archive is extracted
      }
    }
    if (!extract || partial || file == null || file.equals("-") || file.contains("$")) {
      return Optional.empty();
    }
    return Optional.of(file);
  }
}
