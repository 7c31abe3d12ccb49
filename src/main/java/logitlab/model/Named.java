package logitlab.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * An enum whose constants have a name outside the program (on the command line, in JSON, CSV and
 * text): the constant's own name in lower case, '_' written '-' ({@code CROSS_ENTROPY} is
 * {@code cross-entropy}). Every such name follows this one rule, so it is written here once, as is
 * reading a name back; {@code NamedTest} pins each name, which is a contract.
 */
public interface Named {
  /** The constant's Java name ({@link Enum#name()}). */
  String name();

  /** The name outside the program: {@code cross-entropy} for {@code CROSS_ENTROPY}. */
  default String externalName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant of {@code type} whose external name is {@code given} (case-insensitive, blanks
   * around it ignored).
   *
   * @param what the setting's name for the error ({@code optimizer})
   * @throws IllegalArgumentException naming the choices when none is
   */
  static <E extends Enum<E> & Named> E parse(Class<E> type, String what, String given) {
    for (E e : type.getEnumConstants()) {
      if (e.externalName().equalsIgnoreCase(given.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be one of %s, not \"%s\"", what,
        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Named::externalName).toList()), given));
  }
}
