package frontier.app.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** How the Costs screen writes amounts, tags and table columns: one place for its chart, totals and lines. */
final class CostFormats {
    /** Decimals a line's amount is shown with before it is rounded (and marked "≈"). */
    static final int LINE_DECIMALS = 6;

    private CostFormats() {}

    /** The amount rounded to cents for reading (half-even); the exact sum is in the tooltips. */
    static String money(BigDecimal d) {
        if (d == null) return "—";
        return String.format(Locale.US, "%,.2f", d.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The exact amount, without exponent or trailing zeros; empty for none. */
    static String plain(BigDecimal d) {
        if (d == null) return "";
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /**
     * A line's amount for the table: exact up to {@value #LINE_DECIMALS} decimals, else rounded to them
     * and marked "≈" (the row's tooltip has the exact amount).
     */
    static String amount(BigDecimal d) {
        if (d == null) return "";
        if (d.signum() == 0) return "0";
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= LINE_DECIMALS) return s.toPlainString();
        BigDecimal r = s.setScale(LINE_DECIMALS, RoundingMode.HALF_EVEN);
        return "≈" + (r.signum() == 0 ? "0" : r.stripTrailingZeros().toPlainString());
    }

    static BigDecimal parseAmount(String s) {
        if (s == null || s.isEmpty()) return null;
        return new BigDecimal(s.startsWith("≈") ? s.substring(1) : s);
    }

    /** Tick labels: thousands separators, decimals only where the amounts are small. */
    static String tick(double v) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(v);
    }

    /** Tags as "key=value, key=value". */
    static String tags(java.util.Map<String, String> tags) {
        List<String> parts = new ArrayList<>();
        tags.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** A text column; {@code right} aligns it as a number. */
    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width, boolean right) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cell.getValue()), "")));
        // A cell too narrow for its text shows it whole in a tooltip.
        c.setCellFactory(frontier.app.Widgets.textCellsWithTooltips());
        c.setPrefWidth(width);
        if (right) c.getStyleClass().add("numeric");
        return c;
    }
}
