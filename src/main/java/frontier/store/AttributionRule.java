package frontier.store;

import frontier.domain.Coded;
import frontier.sim.BadInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One rule that attributes cost lines to an inference endpoint and/or model: when the line's field
 * ({@link Match}) matches {@code pattern} (a glob: {@code *} any run, {@code ?} one character, case
 * ignored), its cost goes to {@code endpoint} / {@code model}. Either target may be the template
 * {@code {value}}, replaced by the matched field's value (e.g. tag {@code endpoint} = {@code *} →
 * endpoint {@code {value}}). Rules are tried in {@code position} order; the first that matches wins.
 *
 * @param id       the stored id (0 before it is stored)
 * @param tagKey   the tag's key, for {@link Match#TAG} only
 * @param endpoint endpoint the cost goes to, or null for any endpoint of {@code model}
 * @param model    model the cost goes to, or null for any model of {@code endpoint}
 */
public record AttributionRule(
        long id, int position, Match match, String tagKey, String pattern, String endpoint, String model) {
    /** The cost-line field a rule looks at. */
    public enum Match implements Coded {
        TAG("tag"),
        RESOURCE_ID("resource_id"),
        INSTANCE_TYPE("instance_type"),
        SERVICE("service");

        private final String code;

        Match(String code) {
            this.code = code;
        }

        /** The stored and command-line spelling: {@code tag}, {@code resource_id}, … ('-' accepted for '_'). */
        @Override
        public String code() {
            return code;
        }

        /** The field with this code; BadInputException naming the fields if there is none. */
        public static Match fromCode(String s) {
            return find(s).orElseThrow(() -> new BadInputException("attribution rule: unknown field '" + s
                    + "'; expected tag:KEY, resource_id, instance_type or service"));
        }

        /** The field with this code, if any. */
        public static java.util.Optional<Match> find(String s) {
            return Coded.find(Match.class, s);
        }
    }

    /** The placeholder replaced by the matched value in a target. */
    public static final String VALUE = "{value}";

    public AttributionRule {
        if (match == null) throw new BadInputException("attribution rule: a field to match is required");
        if (match == Match.TAG && (tagKey == null || tagKey.isBlank()))
            throw new BadInputException("attribution rule: tag rules need a tag key (tag:KEY)");
        if (match != Match.TAG) tagKey = null;
        if (pattern == null || pattern.isBlank())
            throw new BadInputException("attribution rule: a pattern is required (use * for any value)");
        if (blank(endpoint)) endpoint = null;
        if (blank(model)) model = null;
        if (endpoint == null && model == null)
            throw new BadInputException("attribution rule: give the endpoint, the model or both that the cost goes to");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The rule's field as users write it: {@code tag:KEY}, {@code resource_id}, … */
    public String field() {
        return match == Match.TAG ? "tag:" + tagKey : match.code();
    }

    /** Whether {@code value} (the line's field; null when the line has none) matches the pattern. */
    public boolean matches(String value) {
        return value != null && glob(pattern).matcher(value).matches();
    }

    /** The endpoint this rule gives a line whose field has {@code value}. */
    public String endpointFor(String value) {
        return fill(endpoint, value);
    }

    /** The model this rule gives a line whose field has {@code value}. */
    public String modelFor(String value) {
        return fill(model, value);
    }

    private static String fill(String template, String value) {
        return template == null ? null : template.replace(VALUE, value);
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @Override
    public String toString() {
        String to = (endpoint == null ? "" : "endpoint " + endpoint)
                + (endpoint != null && model != null ? ", " : "")
                + (model == null ? "" : "model " + model);
        return String.format(Locale.ROOT, "%s matches %s → %s", field(), pattern, to);
    }
}
