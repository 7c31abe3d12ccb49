package logitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import logitlab.model.ActivationFunction;
import org.junit.jupiter.api.Test;

/** The vanishing-gradient experiment: the claims it shows, with fixed seeds. */
class VanishingTest {
  private static final long SEED = 20261127L;

  private static Vanishing.Result run(ActivationFunction f, int depth, String init) {
    return Vanishing.run(new VanishingOptions(f, 0.01, depth, 32, Init.parse(init), SEED, 256));
  }

  /** Claim 5: with sigmoid units and Xavier weights the gradient norm falls by about 1/4 per layer. */
  @Test
  void sigmoidGradientDecaysGeometricallyTowardsTheInput() {
    Vanishing.Result r = run(ActivationFunction.SIGMOID, 10, "auto");
    assertEquals(Init.Kind.XAVIER, r.init().kind());
    List<Vanishing.Layer> ls = r.layers();
    assertEquals(11, ls.size());
    for (int l = 0; l < 9; l++) {
      assertTrue(ls.get(l).gradientNorm() < ls.get(l + 1).gradientNorm(), "layer " + (l + 1) + " below layer " + (l + 2));
      assertTrue(ls.get(l).meanDerivative() <= 0.25, "sigma' <= 1/4");
    }
    // measured: factor 0.228, norms from 0.065 (layer 10) to 1.1e-7 (layer 1)
    assertEquals(0.228, r.factorPerLayer(), 0.01);
    assertTrue(ls.get(0).gradientNorm() < 1e-5 * ls.get(9).gradientNorm());
    assertEquals(5, r.claim().claim());
    assertTrue(r.claim().shown());
    // deeper is smaller: the first layer's gradient at depth 4, 8 and 16
    double d4 = run(ActivationFunction.SIGMOID, 4, "auto").layers().get(0).gradientNorm();
    double d8 = run(ActivationFunction.SIGMOID, 8, "auto").layers().get(0).gradientNorm();
    double d16 = run(ActivationFunction.SIGMOID, 16, "auto").layers().get(0).gradientNorm();
    assertTrue(d4 > 100 * d8 && d8 > 1e4 * d16, d4 + " " + d8 + " " + d16);
  }

  /** Claim 7: with ReLU and He weights the gradient keeps its size. */
  @Test
  void reluWithHeInitialisationDoesNotVanish() {
    Vanishing.Result r = run(ActivationFunction.RELU, 10, "he");
    assertTrue(r.factorPerLayer() > 0.5 && r.factorPerLayer() < 2, "factor " + r.factorPerLayer());
    assertEquals(7, r.claim().claim());
    assertTrue(r.claim().shown());
    // about half the ReLU outputs are inactive (f' = 0) for any one row
    for (int l = 0; l < 10; l++) {
      assertEquals(0.5, r.layers().get(l).saturatedFraction(), 0.15);
    }
    Vanishing.Result sig = run(ActivationFunction.SIGMOID, 10, "xavier");
    assertTrue(r.layers().get(0).gradientNorm() > 1e4 * sig.layers().get(0).gradientNorm());
  }

  /**
   * Claim 6: tanh saturates with large weights, not with Xavier's. (The large weights also multiply
   * the gradient on its way back, so here it grows towards the input rather than vanishing: measured
   * factor 1.7 per layer with normal:1, 0.99 with Xavier.)
   */
  @Test
  void tanhSaturatesWithLargeWeights() {
    Vanishing.Result small = run(ActivationFunction.TANH, 10, "xavier");
    Vanishing.Result large = run(ActivationFunction.TANH, 10, "normal:1");
    assertFalse(small.claim().shown(), "xavier: " + small.claim().maxSaturated());
    assertTrue(small.claim().maxSaturated() < 0.01);
    assertTrue(large.claim().shown());
    assertTrue(large.claim().maxSaturated() > 0.5, "normal:1 puts most outputs at f' < 0.01");
    assertTrue(large.claim().meanDerivative() < 0.2 && small.claim().meanDerivative() > 0.8);
  }

  @Test
  void sameSeedSameNumbersOtherSeedOtherNumbers() {
    Vanishing.Result a = run(ActivationFunction.TANH, 5, "auto");
    Vanishing.Result b = run(ActivationFunction.TANH, 5, "auto");
    assertEquals(a.layers(), b.layers());
    Vanishing.Result c = Vanishing.run(new VanishingOptions(ActivationFunction.TANH, 0.01, 5, 32, Init.auto(), 7, 256));
    assertFalse(a.layers().equals(c.layers()));
  }

  @Test
  void badSettingsAreRefusedWithTheOptionNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VanishingOptions(ActivationFunction.STEP, 0.01, 3, 4, Init.auto(), 1, 8));
    assertTrue(e.getMessage().contains("--activation step"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new VanishingOptions(ActivationFunction.RELU, 0.01, 0, 4, Init.auto(), 1, 8));
    assertTrue(e.getMessage().contains("--depth must be between 1 and 1000, not 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Init.parse("normal:-1"));
    assertTrue(e.getMessage().contains("normal:SD"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Init.parse("glorious"));
    assertNotNull(run(ActivationFunction.IDENTITY, 3, "auto"));
  }
}
