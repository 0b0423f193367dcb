package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code chmod 777}, {@code chmod a+rwx} or {@code COPY --chmod=777} lets any user in the container
 * change the files, including code the application runs. The sticky bit ({@code 1777}, as on {@code
 * /tmp}) is the standard safe shared mode and is not reported.
 */
@Rule(
    id = "ST3006",
    title = "World-writable permissions",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class WorldWritablePermissions implements InstructionRule<Instruction> {
  private static final Pattern OCTAL = Pattern.compile("0*([0-7]?)([0-7])([0-7])([0-7])");
  private static final Pattern SYMBOLIC_CLAUSE = Pattern.compile("([ugoa]*)([-+=])([rwxXst]*)");

  @Override
  public Class<Instruction> type() {
    return Instruction.class;
  }

  @Override
  public void check(Instruction ins, RuleContext ctx) {
    if (ins instanceof Instruction.Run run) {
      checkRun(run, ctx);
    } else if (ins instanceof Instruction.FileTransfer ft) {
      Optional<Flag> chmod = ft.flag("chmod");
      if (chmod.isPresent() && isWorldWritable(chmod.get().valueOrEmpty())) {
        ctx.report(
            chmod.get().span(),
            ins.name()
                + " "
                + chmod.get().text()
                + " makes the files writable by every user; use 755 for"
                + " directories and programs, 644 for data");
      }
    }
  }

  private static void checkRun(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (Command c : script.get().invocations("chmod")) {
      List<Word> args = c.args();
      for (int i = 0; i < args.size(); i++) {
        Optional<String> mode = args.get(i).literal();
        if (mode.isPresent()
            && !mode.get().startsWith("--")
            && isWorldWritable(mode.get())
            && !allRemovedLater(script.get(), c, args.subList(i + 1, args.size()))) {
          ctx.report(
              ctx.shellSpan(run, c.offset(), c.endOffset()),
              "chmod "
                  + mode.get()
                  + " makes the files writable by every user in the container; grant write to the"
                  + " owner (chown to the user that needs it) and use 755 or 644");
          break;
        }
      }
    }
  }

  /**
   * A scratch directory opened up for a moment and deleted in the same RUN never reaches the image.
   */
  private static boolean allRemovedLater(ShellScript script, Command chmod, List<Word> targets) {
    return !targets.isEmpty()
        && targets.stream().allMatch(t -> script.isRemovedAfter(chmod, t.text()));
  }

  /** Whether a chmod mode gives others write permission without the sticky bit. */
  static boolean isWorldWritable(String mode) {
    Matcher m = OCTAL.matcher(mode);
    if (m.matches()) {
      int special = m.group(1).isEmpty() ? 0 : m.group(1).charAt(0) - '0';
      int others = m.group(4).charAt(0) - '0';
      return (others & 2) != 0 && (special & 1) == 0;
    }
    boolean writable = false;
    boolean sticky = false;
    for (String clause : mode.split(",")) {
      Matcher s = SYMBOLIC_CLAUSE.matcher(clause);
      if (!s.matches()) {
        return false; // not a mode: a file name or an option
      }
      String who = s.group(1);
      boolean others = who.contains("o") || who.contains("a");
      if (!s.group(2).equals("-") && s.group(3).contains("w") && others) {
        writable = true;
      }
      if (s.group(3).contains("t")) {
        sticky = true;
      }
    }
    return writable && !sticky;
  }
}
