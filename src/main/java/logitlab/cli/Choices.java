package logitlab.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import logitlab.fit.IrlsOptions;
import logitlab.fit.OlsFitter;
import logitlab.model.Activation;
import logitlab.model.ActivationFunction;
import logitlab.model.Loss;
import logitlab.model.Optimizer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The enum-typed option values: for each type a converter that accepts what the command line has
 * always accepted (the type's own case-insensitive {@code parse}, or the spelling given here) and the
 * names the help lists as {@code ${COMPLETION-CANDIDATES}}. A bad value is a {@link BadChoice}, which
 * {@link Main} prints as its message alone: one line, exit code 2.
 */
final class Choices {
  private Choices() {}

  /** A value that is not one of an option's choices; the message says which are. */
  static final class BadChoice extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    BadChoice(String message) {
      super(message);
    }
  }

  /** The name a value of one of these types has on the command line (and in a report's provenance). */
  static String name(Object value) {
    if (value instanceof Optimizer o) {
      return o.cliName();
    }
    if (value instanceof Loss l) {
      return l.cliName();
    }
    if (value instanceof Activation a) {
      return a.cliName();
    }
    if (value instanceof ActivationFunction f) {
      return f.cliName();
    }
    if (value instanceof IrlsOptions.CiMethod m) {
      return m.label();
    }
    if (value instanceof Format f) {
      return f.cliName();
    }
    return String.valueOf(value); // OlsFitter.Robust: HC0..HC3 as named
  }

  /** Candidates listed in the help: the names of the given values. */
  private abstract static class Names implements Iterable<String> {
    private final List<String> names;

    Names(Object... values) {
      this.names = Arrays.stream(values).map(Choices::name).toList();
    }

    @Override
    public Iterator<String> iterator() {
      return names.iterator();
    }
  }

  /** {@code --optimizer}: {@link Optimizer#parse}. */
  static final class OptimizerConverter implements ITypeConverter<Optimizer> {
    @Override
    public Optimizer convert(String value) {
      try {
        return Optimizer.parse(value);
      } catch (IllegalArgumentException e) {
        throw new BadChoice(e.getMessage());
      }
    }
  }

  /** gd, momentum, nesterov, sgd, minibatch, adam. */
  static final class Optimizers extends Names {
    Optimizers() {
      super((Object[]) Optimizer.values());
    }
  }

  /** {@code --loss}: {@link Loss#parse}. */
  static final class LossConverter implements ITypeConverter<Loss> {
    @Override
    public Loss convert(String value) {
      try {
        return Loss.parse(value);
      } catch (IllegalArgumentException e) {
        throw new BadChoice(e.getMessage());
      }
    }
  }

  /** cross-entropy, squared. */
  static final class Losses extends Names {
    Losses() {
      super((Object[]) Loss.values());
    }
  }

  /** The neuron's {@code --activation}: {@link Activation#parse}. */
  static final class ActivationConverter implements ITypeConverter<Activation> {
    @Override
    public Activation convert(String value) {
      try {
        return Activation.parse(value);
      } catch (IllegalArgumentException e) {
        throw new BadChoice(e.getMessage());
      }
    }
  }

  /** sigmoid, tanh. */
  static final class Activations extends Names {
    Activations() {
      super((Object[]) Activation.values());
    }
  }

  /** A hidden unit's {@code --activation} (and {@code --functions}): {@link ActivationFunction#parse}. */
  static final class FunctionConverter implements ITypeConverter<ActivationFunction> {
    @Override
    public ActivationFunction convert(String value) {
      try {
        return ActivationFunction.parse(value);
      } catch (IllegalArgumentException e) {
        throw new BadChoice(e.getMessage());
      }
    }
  }

  /** sigmoid, tanh, relu, leaky-relu, identity, step. */
  static final class Functions extends Names {
    Functions() {
      super((Object[]) ActivationFunction.values());
    }
  }

  /** The functions gradient descent can train: all but the step. */
  static final class HiddenFunctions extends Names {
    HiddenFunctions() {
      super(Arrays.stream(ActivationFunction.values()).filter(f -> !f.flat()).toArray());
    }
  }

  /** {@code --ci}: wald or profile, in any case. */
  static final class CiConverter implements ITypeConverter<IrlsOptions.CiMethod> {
    @Override
    public IrlsOptions.CiMethod convert(String value) {
      for (IrlsOptions.CiMethod m : IrlsOptions.CiMethod.values()) {
        if (m.label().equals(value.toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      throw new BadChoice("--ci must be wald or profile, not \"" + value + "\"");
    }
  }

  /** wald, profile. */
  static final class CiMethods extends Names {
    CiMethods() {
      super((Object[]) IrlsOptions.CiMethod.values());
    }
  }

  /** {@code --robust}: HC0 to HC3, in any case. */
  static final class RobustConverter implements ITypeConverter<OlsFitter.Robust> {
    @Override
    public OlsFitter.Robust convert(String value) {
      for (OlsFitter.Robust r : OlsFitter.Robust.values()) {
        if (r.name().equals(value.toUpperCase(Locale.ROOT))) {
          return r;
        }
      }
      throw new BadChoice("--robust takes HC0, HC1, HC2 or HC3, not \"" + value + "\"");
    }
  }

  /** {@code compare --format}: text, markdown, csv or json, spelled so. */
  static final class CompareFormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : CompareFormats.FORMATS) {
        if (f.cliName().equals(value)) {
          return f;
        }
      }
      throw new BadChoice("--format must be text, markdown, csv or json, not \"" + value + "\""
          + (value.equalsIgnoreCase("html") ? " (for an HTML page with plots, use logitlab report)" : ""));
    }
  }

  /** text, markdown, csv, json. */
  static final class CompareFormats extends Names {
    static final List<Format> FORMATS = List.of(Format.TEXT, Format.MARKDOWN, Format.CSV, Format.JSON);

    CompareFormats() {
      super(FORMATS.toArray());
    }
  }

  /** {@code report --format}: html or markdown, spelled so. */
  static final class ReportFormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : ReportFormats.FORMATS) {
        if (f.cliName().equals(value)) {
          return f;
        }
      }
      throw new BadChoice("--format must be html or markdown, not \"" + value + "\"");
    }
  }

  /** html, markdown. */
  static final class ReportFormats extends Names {
    static final List<Format> FORMATS = List.of(Format.HTML, Format.MARKDOWN);

    ReportFormats() {
      super(FORMATS.toArray());
    }
  }

  /** The nn commands' {@code --format}: any of the five, in any case, spaces around ignored. */
  static final class NnFormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      for (Format f : Format.values()) {
        if (f.cliName().equals(v)) {
          return f;
        }
      }
      throw new BadChoice("--format must be text, markdown, csv, json or html, not \"" + value + "\"");
    }
  }

  /** text, markdown, csv, json, html. */
  static final class NnFormats extends Names {
    NnFormats() {
      super((Object[]) Format.values());
    }
  }
}
