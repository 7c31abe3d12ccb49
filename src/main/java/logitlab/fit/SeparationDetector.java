package logitlab.fit;

import logitlab.data.DesignMatrix;
import logitlab.model.Separation;

/**
 * Detects complete and quasi-complete separation (work in progress: the linear program of Konis
 * 2007 is being added; until then this reports no separation).
 */
public final class SeparationDetector {
  private SeparationDetector() {}

  /** Checks the estimable columns of the design. */
  public static Separation detect(DesignMatrix d, boolean[] aliased) {
    return Separation.NONE;
  }

  /** One or two sentences for the user. */
  public static String explain(Separation s) {
    return "separation: " + s.kind();
  }
}
