package frontier.domain;

import frontier.sim.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant with a stable text code: what files, JSON, the command line and the workspace spell.
 * Codes are matched ignoring case, surrounding blanks and the difference between '-' and '_'
 * ({@code on-demand} finds {@code on_demand}, {@code PRICING_MODEL} finds {@code pricing-model}).
 */
public interface Coded {
    /** The stable spelling of this constant. */
    String code();

    /** The constant of {@code type} whose code matches {@code text}; empty for null or an unknown code. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String text) {
        if (text == null) return Optional.empty();
        for (E e : type.getEnumConstants()) {
            if (matches(e.code(), text)) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** Whether {@code text} spells {@code code} (case, surrounding blanks and '-' for '_' ignored); false for null. */
    static boolean matches(String code, String text) {
        return code != null && text != null && normal(code).equals(normal(text));
    }

    /**
     * The constant of {@code type} whose code matches {@code text}.
     *
     * @throws BadInputException "expected one of a, b, c, got 'x'", prefixed by {@code what} and ": " unless it is null
     */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String text, String what) {
        return find(type, text)
                .orElseThrow(() -> new BadInputException((what == null ? "" : what + ": ") + "expected one of "
                        + String.join(", ", codes(type)) + ", got '" + text + "'"));
    }

    /** The codes of {@code type}, in declaration order. */
    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
