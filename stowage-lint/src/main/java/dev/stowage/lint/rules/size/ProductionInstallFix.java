package dev.stowage.lint.rules.size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Fix;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.rules.ShellEdits;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ST2004's repair where nothing after the install needs the devDependencies: {@code --omit=dev}
 * ({@code --production} before Node 16, whose npm lacks {@code --omit}) on the {@code npm ci} or
 * {@code npm install} of a final stage on a {@code node} image. Offered when the image runs
 * {@code node} on a file, directly or through the {@code npm start} or {@code npm run NAME} script
 * of the build context's package.json (copied into the working directory with the context root);
 * no later step runs npm, npx, node, yarn or pnpm; and package.json has no install scripts (a
 * {@code prepare} script commonly runs a devDependency). A build step is ST2004's stage split.
 */
final class ProductionInstallFix {
  private ProductionInstallFix() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Programs that may run what the devDependencies installed. */
  private static final Set<String> NODE_TOOLS = Set.of("npm", "npx", "node", "yarn", "pnpm", "corepack", "bun");

  /** One of {@link #NODE_TOOLS} as a word, in a HEALTHCHECK's command. */
  private static final Pattern NODE_TOOL_WORD =
      Pattern.compile("\\b(" + String.join("|", NODE_TOOLS) + ")\\b");

  /** Node options that load a module before the program: a devDependency such as ts-node. */
  private static final Pattern PRELOAD =
      Pattern.compile("-r|--require|--loader|--experimental-loader|--import|(-r|--require|--loader|--experimental-loader|--import)=.*");

  /** What a script may not contain to count as one plain {@code node FILE} command. */
  private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|<>$`(){}\\\\\"']");

  static Optional<Fix> npm(RuleContext ctx, Instruction.Run run, ShellScript script, Command install) {
    Optional<Stage> target = ctx.model().target();
    Optional<Path> context = ctx.contextDir();
    if (target.isEmpty()
        || context.isEmpty()
        || !BuildCommands.program(install).equals("npm")
        || !(target.get().base() instanceof Base.Image img)
        || !FinalImage.shortName(img.reference()).equals("node")
        || script.usesCd()
        || !script.errors().isEmpty()) {
      return Optional.empty();
    }
    List<Instruction> ins = target.get().instructions();
    int at = ins.indexOf(run);
    if (at < 0 || StageSplitFix.workdir(ins.subList(0, at), ctx).isEmpty() || !copiesContextRoot(ctx, ins)) {
      return Optional.empty();
    }
    if (runsNodeToolsAfter(ctx, script, install, ins.subList(at + 1, ins.size()))) {
      return Optional.empty();
    }
    Optional<JsonNode> pkg = packageJson(context.get());
    if (pkg.isEmpty() || !runsPlainNode(ins, pkg.get().path("scripts"))) {
      return Optional.empty();
    }
    String major = FinalImage.tag(img.reference()).replaceAll("^(\\d+).*", "$1");
    String flag = major.matches("\\d+") && Integer.parseInt(major) < 16 ? " --production" : " --omit=dev";
    int end = ctx.shellSpan(run, install.endOffset(), install.endOffset()).start();
    return Optional.of(Fix.insertBefore(end, flag));
  }

  /** A COPY of the build context's root into the working directory: its package.json is there. */
  private static boolean copiesContextRoot(RuleContext ctx, List<Instruction> ins) {
    for (Instruction i : ins) {
      if (i instanceof Instruction.Copy copy
          && copy.from().isEmpty()
          && copy.sources().size() == 1
          && Set.of(".", "./").contains(copy.sources().get(0).value())
          && copy.destination().isPresent()) {
        Optional<String> wd = StageSplitFix.workdir(ins.subList(0, ins.indexOf(copy)), ctx);
        String dest = copy.destination().get().value();
        if (wd.isPresent() && ShellEdits.resolvePath(wd.get(), dest).equals(wd.get())) {
          return true;
        }
      }
    }
    return false;
  }

  /** npm, npx, node (...) after the install, in its RUN or a later one; {@code npm cache} aside. */
  private static boolean runsNodeToolsAfter(
      RuleContext ctx, ShellScript script, Command install, List<Instruction> later) {
    List<Command> after = new ArrayList<>(script.commandsAfter(install));
    for (Instruction i : later) {
      if (i instanceof Instruction.Run r) {
        Optional<ShellScript> s = ctx.shell(r);
        if (s.isEmpty()) {
          return true; // exec form: whatever it runs
        }
        after.addAll(s.get().commands());
      } else if (i instanceof Instruction.Healthcheck h && !h.isNone() && NODE_TOOL_WORD.matcher(h.syntax().original()).find()) {
        return true;
      } else if (i instanceof Instruction.Onbuild) {
        return true;
      }
    }
    return after.stream()
        .anyMatch(c -> NODE_TOOLS.contains(BuildCommands.program(c)) && !BuildCommands.is(c, "npm", "cache"));
  }

  /** The context's package.json: an object, no workspaces, no install scripts. */
  private static Optional<JsonNode> packageJson(Path context) {
    Path file = context.resolve("package.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(file.toFile());
      if (json == null || !json.isObject() || json.has("workspaces")) {
        return Optional.empty();
      }
      for (String s : BuildCommands.NODE_INSTALL_SCRIPTS) {
        if (json.path("scripts").has(s)) {
          return Optional.empty();
        }
      }
      return Optional.of(json);
    } catch (IOException malformed) {
      return Optional.empty();
    }
  }

  /**
   * The image's command, with no ENTRYPOINT of the stage's own, is {@code node FILE} or {@code npm
   * start} / {@code npm run NAME} whose script (npm's default {@code node server.js} for a missing
   * start) is, without pre- or post-scripts.
   */
  private static boolean runsPlainNode(List<Instruction> ins, JsonNode scripts) {
    List<Instruction.CommandForm> commands = new ArrayList<>();
    for (Instruction i : ins) {
      if (i instanceof Instruction.Entrypoint) {
        return false;
      }
      if (i instanceof Instruction.Cmd c) {
        commands.add(c);
      }
    }
    if (commands.isEmpty()) {
      return false;
    }
    Instruction.CommandForm cmd = commands.get(commands.size() - 1);
    List<String> argv =
        cmd.isExecForm()
            ? cmd.execArgs()
            : cmd.shellCommand().filter(s -> !SHELL_SYNTAX.matcher(s).find()).map(ProductionInstallFix::words).orElse(List.of());
    if (argv.isEmpty()) {
      return false;
    }
    if (argv.get(0).equals("node")) {
      return plainNode(argv);
    }
    String name;
    if (argv.equals(List.of("npm", "start"))) {
      name = "start";
    } else if (argv.size() == 3 && argv.get(0).equals("npm") && Set.of("run", "run-script").contains(argv.get(1))) {
      name = argv.get(2);
    } else {
      return false;
    }
    if (scripts.has("pre" + name) || scripts.has("post" + name)) {
      return false;
    }
    if (!scripts.has(name)) {
      return name.equals("start"); // npm start without a script runs node server.js
    }
    String script = scripts.path(name).asText("");
    return !SHELL_SYNTAX.matcher(script).find() && plainNode(words(script));
  }

  /** {@code node [options] FILE [args]} without an option that preloads a module. */
  private static boolean plainNode(List<String> argv) {
    return argv.size() >= 2
        && argv.get(0).equals("node")
        && argv.stream().skip(1).noneMatch(a -> PRELOAD.matcher(a).matches() || a.equals("-e") || a.equals("--eval"));
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }
}
