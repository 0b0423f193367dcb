package dev.stowage.dockerfile.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of a command split into flags and positional arguments, the way GNU-style programs
 * read them; immutable.
 *
 * <p>Understands {@code -y}, combined short flags {@code -yq}, {@code --yes}, {@code --opt=value},
 * {@code -o value}, {@code -ovalue}, {@code --opt value}, single-dash long flags such as Go's
 * {@code -ldflags=...}, and {@code --} ending the flags. Which flags take a value is given by a set
 * of flag names written with their dashes ({@code "-o"}, {@code "--output"}).
 */
public final class Arguments {

  /**
   * One flag occurrence: its name with dashes, its value if it took one, and the index of the
   * argument word it was written in.
   */
  public record Flag(String name, Optional<String> value, int index) {}

  private final List<Flag> flags;
  private final List<Word> positional;

  private Arguments(List<Flag> flags, List<Word> positional) {
    this.flags = List.copyOf(flags);
    this.positional = List.copyOf(positional);
  }

  /** Splits {@code args} knowing which flags take a value. */
  public static Arguments of(List<Word> args, Set<String> valueFlags) {
    List<Flag> flags = new ArrayList<>();
    List<Word> positional = new ArrayList<>();
    boolean endOfFlags = false;
    int n = args.size();
    for (int i = 0; i < n; i++) {
      String a = args.get(i).text();
      if (endOfFlags || a.length() < 2 || a.charAt(0) != '-') {
        positional.add(args.get(i));
        continue;
      }
      if (a.equals("--")) {
        endOfFlags = true;
        continue;
      }
      int eq = a.indexOf('=');
      String head = eq > 0 ? a.substring(0, eq) : a;
      boolean longFlag = a.startsWith("--");
      if (longFlag || (head.length() > 2 && valueFlags.contains(head))) {
        if (eq > 0) {
          flags.add(new Flag(head, Optional.of(a.substring(eq + 1)), i));
        } else if (valueFlags.contains(head) && i + 1 < n) {
          flags.add(new Flag(head, Optional.of(args.get(i + 1).text()), i));
          i++;
        } else {
          flags.add(new Flag(head, Optional.empty(), i));
        }
        continue;
      }
      if (head.length() > 2) {
        // kept whole too, for single-dash long flags this parser does not know
        flags.add(new Flag(head, eq > 0 ? Optional.of(a.substring(eq + 1)) : Optional.empty(), i));
      }
      int index = i;
      for (int k = 1; k < head.length(); k++) {
        String f = shortFlag(a.charAt(k));
        if (valueFlags.contains(f)) {
          String rest = a.substring(k + 1);
          Optional<String> value;
          if (!rest.isEmpty()) {
            value = Optional.of(rest);
          } else if (i + 1 < n) {
            value = Optional.of(args.get(i + 1).text());
            i++;
          } else {
            value = Optional.empty();
          }
          flags.add(new Flag(f, value, index));
          break;
        }
        flags.add(new Flag(f, Optional.empty(), index));
      }
    }
    return new Arguments(flags, positional);
  }

  /** Every flag occurrence in order. */
  // "-a" ... for ASCII letters and digits, shared: short flags are split off every argument
  private static final String[] SHORT_FLAGS = new String[128];

  static {
    for (char c = 0; c < 128; c++) {
      SHORT_FLAGS[c] = "-" + c;
    }
  }

  private static String shortFlag(char c) {
    return c < 128 ? SHORT_FLAGS[c] : "-" + c;
  }

  public List<Flag> flags() {
    return flags;
  }

  /** The positional arguments (neither flags nor flag values), in order. */
  public List<Word> positional() {
    return positional;
  }

  /** The positional arguments as {@link Word#text()}. */
  public List<String> positionalTexts() {
    List<String> t = positionalTexts;
    if (t == null) {
      String[] texts = new String[positional.size()];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = positional.get(i).text();
      }
      t = java.util.Collections.unmodifiableList(Arrays.asList(texts));
      positionalTexts = t;
    }
    return t;
  }

  private volatile @Nullable List<String> positionalTexts;

  /** Whether any of the named flags (written with dashes, e.g. {@code "-y", "--yes"}) is set. */
  public boolean hasFlag(String... names) {
    List<String> wanted = Arrays.asList(names);
    return flags.stream().anyMatch(f -> wanted.contains(f.name()));
  }

  /** The value of the first occurrence of any of the named flags that has a value. */
  public Optional<String> flagValue(String... names) {
    List<String> values = flagValues(names);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The values of all occurrences of the named flags, in order. */
  public List<String> flagValues(String... names) {
    List<String> wanted = Arrays.asList(names);
    return flags.stream()
        .filter(f -> wanted.contains(f.name()))
        .flatMap(f -> f.value().stream())
        .toList();
  }

  @Override
  public String toString() {
    return "Arguments[flags=" + flags + ", positional=" + positional + "]";
  }
}
