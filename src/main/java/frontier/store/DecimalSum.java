package frontier.store;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * {@code decsum(text)}: an SQL aggregate that adds decimal strings exactly (BigDecimal), where SQLite's
 * own SUM would convert them to doubles. NULLs are skipped; the sum of no values is NULL.
 */
final class DecimalSum extends Function.Aggregate {
    private BigDecimal sum;

    @Override
    protected void xStep() throws SQLException {
        String v = value_text(0);
        if (v == null) return;
        BigDecimal d = new BigDecimal(v);
        sum = sum == null ? d : sum.add(d);
    }

    @Override
    protected void xFinal() throws SQLException {
        if (sum == null) result();
        else result(sum.stripTrailingZeros().toPlainString());
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        DecimalSum c = (DecimalSum) super.clone();
        c.sum = null;
        return c;
    }
}
