package dev.stowage.examples.wordstats;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Statistics of one text: words, sentences, the most frequent words and a reading time. */
public record TextStats(
    int characters, int words, int sentences, int uniqueWords, double averageWordLength, int readingSeconds, List<WordCount> topWords) {

  /** A word and how often it occurs. */
  public record WordCount(String word, int count) {}

  /** Words too common to be interesting in a top list. */
  static final Set<String> STOP_WORDS =
      Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
          "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with");

  /** Words a reader reads per minute, for the reading time. */
  static final int WORDS_PER_MINUTE = 230;

  /**
   * Analyses {@code text}.
   *
   * @param top how many of the most frequent words (stop words left out) to list
   */
  public static TextStats of(String text, int top, Locale locale) {
    if (top < 0) {
      throw new IllegalArgumentException("top must be >= 0, was " + top);
    }
    List<String> words = words(text, locale);
    Map<String, Integer> counts = new HashMap<>();
    long letters = 0;
    for (String w : words) {
      counts.merge(w, 1, Integer::sum);
      letters += w.codePointCount(0, w.length());
    }
    List<WordCount> ranked = new ArrayList<>();
    counts.forEach((w, c) -> {
      if (!STOP_WORDS.contains(w)) {
        ranked.add(new WordCount(w, c));
      }
    });
    ranked.sort(Comparator.comparingInt(WordCount::count).reversed().thenComparing(WordCount::word));
    double average = words.isEmpty() ? 0 : Math.round(10.0 * letters / words.size()) / 10.0;
    int seconds = (int) Math.ceil(words.size() * 60.0 / WORDS_PER_MINUTE);
    return new TextStats(
        text.codePointCount(0, text.length()),
        words.size(),
        sentences(text, locale),
        counts.size(),
        average,
        seconds,
        List.copyOf(ranked.subList(0, Math.min(top, ranked.size()))));
  }

  /** The words of {@code text}, lower-cased; a word has at least one letter or digit. */
  static List<String> words(String text, Locale locale) {
    BreakIterator it = BreakIterator.getWordInstance(locale);
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String w = text.substring(start, end);
      if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
        out.add(w.toLowerCase(locale));
      }
    }
    return out;
  }

  /** How many sentences {@code text} has that contain a letter or digit. */
  static int sentences(String text, Locale locale) {
    BreakIterator it = BreakIterator.getSentenceInstance(locale);
    it.setText(text);
    int n = 0;
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (text.substring(start, end).codePoints().anyMatch(Character::isLetterOrDigit)) {
        n++;
      }
    }
    return n;
  }
}
