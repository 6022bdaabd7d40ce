package frontier.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header, looked up by canonical name: letters and digits only, lower case, so that
 * {@code lineItem/UnblendedCost} (legacy CUR), {@code line_item_unblended_cost} (CUR 2.0, Athena) and
 * {@code costInBillingCurrency}/{@code CostInBillingCurrency} (Azure MCA/EA) each meet their twin.
 * It remembers which columns were found (or marked with {@link #use}), so that a columnar reader
 * (Parquet) decodes only the columns the format's mapper reads.
 */
public final class Columns {
    private final List<String> names;
    private final Map<String, Integer> byCanon = new LinkedHashMap<>();
    private final BitSet used = new BitSet();

    public Columns(List<String> names) {
        this.names = new ArrayList<>(names);
        for (int i = 0; i < names.size(); i++) byCanon.putIfAbsent(canon(names.get(i)), i);
    }

    /** Lower-case letters and digits of {@code name}. */
    public static String canon(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Index of the first of the canonical names present, or -1. */
    public int find(String... canonNames) {
        for (String n : canonNames) {
            Integer i = byCanon.get(n);
            if (i != null) {
                used.set(i);
                return i;
            }
        }
        return -1;
    }

    /** Marks column i as read by a mapper that found it other than through {@link #find}. */
    void use(int i) {
        used.set(i);
    }

    /** The columns found or marked so far. */
    BitSet used() {
        return (BitSet) used.clone();
    }

    public boolean has(String canonName) {
        return byCanon.containsKey(canonName);
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }
}
