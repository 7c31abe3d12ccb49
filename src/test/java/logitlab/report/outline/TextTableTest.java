package logitlab.report.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tables never wider than 80 columns: wide ones split into blocks of columns. */
class TextTableTest {

  private static TextTable wide(String term) {
    TextTable t = new TextTable("", "estimate", "low", "high", "odds ratio", "low", "high");
    t.row(term, "-0.67544", "-1.2958", "-0.055135", "0.50893", "0.27369", "0.94636");
    t.row("(Intercept)", "-3.99", "-6.2242", "-1.7557", "0.0185", "0.0019808", "0.17278");
    return t;
  }

  @Test
  void aTableThatFitsIsOneBlock() {
    String s = wide("rank2").render("  ", false);
    assertEquals(3, s.split("\n").length);
    assertTrue(TextTable.width(s) <= 80, s);
  }

  @Test
  void aWideTableIsSplitIntoBlocksThatRepeatTheFirstColumn() {
    String term = "agegroup_between_45_and_54";
    String s = wide(term).render("  ", false);
    assertTrue(TextTable.width(s) <= 80, s);
    String[] blocks = s.split("\n\n");
    assertEquals(2, blocks.length, s);
    for (String b : blocks) {
      assertTrue(b.contains(term) && b.contains("(Intercept)"), b);
    }
    // spread evenly: the interval of the estimate, then the odds ratio and its interval
    assertTrue(blocks[0].contains("estimate") && blocks[0].contains("-0.055135") && !blocks[0].contains("odds"), s);
    assertTrue(blocks[1].contains("odds ratio") && blocks[1].contains("0.94636"), s);
  }

  @Test
  void emptyHeadedColumnsStayWithTheirNeighbour() {
    TextTable t = new TextTable("", "Estimate", "Std. Error", "z value", "Pr(>|z|)", "");
    t.row("a_very_long_term_name_that_takes_up_most_of_the_line", "-5.37892", "1.04987", "-5.123", "3e-07", "***");
    String s = t.render("  ", true);
    assertTrue(TextTable.width(s) <= 80, s);
    for (String b : s.split("\n\n")) {
      if (b.contains("Pr(>|z|)")) {
        assertTrue(b.contains("***"), s);
      }
    }
  }

  @Test
  void sideBySideGoesOneModelPerBlockWhenTooWide() {
    String term = "a_predictor_with_a_name_of_forty_characters_";
    TextTable t = new TextTable("term", "linear (OLS)", "logistic (GLM)", "neuron (GD)");
    t.row(term, "-0.168405", "-5.37892", "-5.37892");
    String s = t.renderByColumn("  ");
    assertTrue(TextTable.width(s) <= 80, s);
    String[] blocks = s.split("\n\n");
    assertEquals(3, blocks.length, s);
    assertTrue(blocks[0].contains("linear (OLS)") && !blocks[0].contains("logistic"), s);
    TextTable narrow = new TextTable("term", "linear (OLS)", "logistic (GLM)", "neuron (GD)");
    narrow.row("cigs", "0.0180959", "0.127005", "0.127005");
    assertEquals(2, narrow.renderByColumn("  ").split("\n").length);
  }
}
