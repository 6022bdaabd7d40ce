package frontier.store;

import frontier.sim.BadInputException;
import java.util.List;
import java.util.Locale;

/**
 * What {@link UnitCosts#compute} reports: groups by {@code by} (and always by currency), over the days
 * [from, to) (epoch s at UTC midnight; null for unbounded), using one cost figure.
 */
public record UnitCostQuery(List<Key> by, Long from, Long to, Figure figure) {
    /** A grouping key of unit costs. */
    public enum Key {
        DAY("day"), ENDPOINT("endpoint"), MODEL("model"), PRICING_MODEL("pricing_model");

        private final String code;

        Key(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Key parse(String s) {
            String n = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (Key k : values()) if (k.code.equals(n)) return k;
            throw new BadInputException("--by: unknown key '" + s + "'; expected day, endpoint, model or pricing-model");
        }
    }

    /** Which cost of a line is attributed; a line without it counts its billed cost instead. */
    public enum Figure {
        EFFECTIVE("effective_cost"), BILLED("billed_cost"), LIST("list_cost");

        private final String column;

        Figure(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }

        public static Figure parse(String s) {
            for (Figure f : values()) if (f.name().equalsIgnoreCase(s) || f.column.equalsIgnoreCase(s)) return f;
            throw new BadInputException("--cost: expected effective, billed or list, got '" + s + "'");
        }
    }

    public UnitCostQuery {
        by = List.copyOf(by);
        if (figure == null) figure = Figure.EFFECTIVE;
        if (from != null && to != null && to <= from) throw new BadInputException("--to: expected a date after --from");
        if (by.stream().distinct().count() != by.size()) throw new BadInputException("--by: a key is given twice");
    }
}
