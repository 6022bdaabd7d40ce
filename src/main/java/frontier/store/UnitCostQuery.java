package frontier.store;

import frontier.domain.Coded;
import frontier.sim.BadInputException;
import java.util.List;
import java.util.Optional;

/**
 * What {@link UnitCosts#compute} reports: groups by {@code by} (and always by currency), over the days
 * [from, to) (epoch s at UTC midnight; null for unbounded), using one cost figure.
 */
public record UnitCostQuery(List<Key> by, Long from, Long to, Figure figure) {
    /** A grouping key of unit costs. */
    public enum Key implements Coded {
        DAY("day"),
        ENDPOINT("endpoint"),
        MODEL("model"),
        PRICING_MODEL("pricing_model");

        private final String code;

        Key(String code) {
            this.code = code;
        }

        /** The JSON key: {@code day}, {@code endpoint}, {@code model}, {@code pricing_model}. */
        @Override
        public String code() {
            return code;
        }

        /** The key with this code ('-' accepted for '_'); BadInputException naming the keys if there is none. */
        public static Key fromCode(String s) {
            return find(s).orElseThrow(() -> new BadInputException(
                    "--by: unknown key '" + s + "'; expected day, endpoint, model or pricing-model"));
        }

        /** The key with this code, if any. */
        public static Optional<Key> find(String s) {
            return Coded.find(Key.class, s);
        }
    }

    /** Which cost of a line is attributed; a line without it counts its billed cost instead. */
    public enum Figure implements Coded {
        EFFECTIVE("effective", "effective_cost"),
        BILLED("billed", "billed_cost"),
        LIST("list", "list_cost");

        private final String code;
        private final String column;

        Figure(String code, String column) {
            this.code = code;
            this.column = column;
        }

        /** The command line's spelling: {@code effective}, {@code billed}, {@code list}. */
        @Override
        public String code() {
            return code;
        }

        public String column() {
            return column;
        }

        /** The figure with this code or column name; BadInputException naming the codes if there is none. */
        public static Figure fromCode(String s) {
            return find(s).orElseThrow(
                            () -> new BadInputException("--cost: expected effective, billed or list, got '" + s + "'"));
        }

        /** The figure with this code or column name ({@code effective_cost}), if any. */
        public static Optional<Figure> find(String s) {
            return Coded.find(Figure.class, s).or(() -> java.util.Arrays.stream(values())
                    .filter(f -> Coded.matches(f.column, s))
                    .findFirst());
        }
    }

    public UnitCostQuery {
        by = List.copyOf(by);
        if (figure == null) figure = Figure.EFFECTIVE;
        if (from != null && to != null && to <= from) throw new BadInputException("--to: expected a date after --from");
        if (by.stream().distinct().count() != by.size()) throw new BadInputException("--by: a key is given twice");
    }
}
