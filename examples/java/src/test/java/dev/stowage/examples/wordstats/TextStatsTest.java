package dev.stowage.examples.wordstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stowage.examples.wordstats.TextStats.WordCount;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextStatsTest {
  @Test
  void countsWordsSentencesAndTopWords() {
    TextStats s = TextStats.of("The cat sat. The cat ran! Did the dog see the cat?", 2, Locale.ENGLISH);
    assertEquals(12, s.words());
    assertEquals(3, s.sentences());
    assertEquals(7, s.uniqueWords());
    assertEquals(List.of(new WordCount("cat", 3), new WordCount("did", 1)), s.topWords());
  }

  @Test
  void punctuationAndCaseDoNotMakeWords() {
    assertEquals(List.of("it's", "über", "42", "ok"), TextStats.words("It's -- Über, 42... OK!", Locale.ENGLISH));
  }

  @Test
  void emptyTextHasNothing() {
    TextStats s = TextStats.of("  ... ", 5, Locale.ENGLISH);
    assertEquals(0, s.words());
    assertEquals(0, s.sentences());
    assertEquals(0.0, s.averageWordLength());
    assertEquals(0, s.readingSeconds());
    assertEquals(List.of(), s.topWords());
  }

  @Test
  void readingTimeRoundsUp() {
    assertEquals(1, TextStats.of("one", 0, Locale.ENGLISH).readingSeconds());
    assertEquals(60, TextStats.of("w ".repeat(230), 0, Locale.ENGLISH).readingSeconds());
  }

  @Test
  void negativeTopIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TextStats.of("x", -1, Locale.ENGLISH));
  }
}
