package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Factors in comparison reports: reciprocals of whole numbers are also written as fractions. */
class ComparisonTextTest {
  @Test
  void aReciprocalOfAWholeNumberIsWrittenAsAFraction() {
    assertEquals("1/7 (0.142857143)", ComparisonText.factor(1.0 / 7));
    assertEquals("1/2 (0.5)", ComparisonText.factor(0.5));
    assertEquals("-1/4 (-0.25)", ComparisonText.factor(-0.25));
  }

  @Test
  void otherFactorsAreWrittenAsNumbers() {
    assertEquals("8", ComparisonText.factor(8));
    assertEquals("0.233449464", ComparisonText.factor(0.233449464));
    assertEquals("1", ComparisonText.factor(1));
    assertEquals("0.3", ComparisonText.factor(0.3));
  }
}
