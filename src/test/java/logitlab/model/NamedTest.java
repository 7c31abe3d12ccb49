package logitlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import logitlab.fit.IrlsOptions;
import logitlab.nn.Mlp;
import org.junit.jupiter.api.Test;

/**
 * Every external name (option values, JSON and CSV values) is a contract: renaming an enum constant
 * must not change it silently, since {@link Named} derives it from the constant's name.
 */
class NamedTest {
  private static List<String> names(Named[] values) {
    return Arrays.stream(values).map(Named::externalName).toList();
  }

  @Test
  void everyExternalNameIsPinned() {
    assertEquals(List.of("sigmoid", "tanh"), names(Activation.values()));
    assertEquals(List.of("sigmoid", "tanh", "relu", "leaky-relu", "identity", "step"),
        names(ActivationFunction.values()));
    assertEquals(List.of("cross-entropy", "squared"), names(Loss.values()));
    assertEquals(List.of("gd", "momentum", "nesterov", "sgd", "minibatch", "adam"), names(Optimizer.values()));
    assertEquals(List.of("tolerance", "max-epochs", "divergence", "no-progress"), names(StopReason.values()));
    assertEquals(List.of("derivative", "discrete-change"), names(MarginalEffect.Kind.values()));
    assertEquals(List.of("none", "quasi-complete", "complete"), names(Separation.Kind.values()));
    assertEquals(List.of("hidden", "activation", "learning-rate"), names(Mlp.Parameter.values()));
    assertEquals(List.of("wald", "profile"), names(IrlsOptions.CiMethod.values()));
    assertEquals("cross-entropy", Loss.CROSS_ENTROPY.cliName());
    assertEquals("max-epochs", StopReason.MAX_EPOCHS.jsonName());
    assertEquals("max-epochs", StopReason.MAX_EPOCHS.toString());
    assertEquals("profile", IrlsOptions.CiMethod.PROFILE.label());
  }

  @Test
  void parseIgnoresCaseAndBlanksAndNamesTheChoices() {
    assertEquals(ActivationFunction.LEAKY_RELU, ActivationFunction.parse(" Leaky-ReLU "));
    assertEquals(Loss.CROSS_ENTROPY, Loss.parse("CROSS-entropy"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.parse("hinge"));
    assertEquals("loss must be one of cross-entropy, squared, not \"hinge\"", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ActivationFunction.parse("cross_entropy"));
    assertEquals("activation must be one of sigmoid, tanh, relu, leaky-relu, identity, step, not \"cross_entropy\"",
        e.getMessage());
  }
}
