package frontier.ingest;

import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    private final Map<String, Integer> copies = new HashMap<>();
    private final Set<String> ambiguous = new LinkedHashSet<>();

    public Columns(List<String> names) {
        this.names = new ArrayList<>(names);
        for (int i = 0; i < names.size(); i++) {
            String c = canon(names.get(i));
            byCanon.putIfAbsent(c, i);
            copies.merge(c, 1, Integer::sum);
        }
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
                if (copies.get(n) > 1) ambiguous.add(n);
                return i;
            }
        }
        return -1;
    }

    /** Marks column i as read by a mapper that found it other than through {@link #find}. */
    void use(int i) {
        used.set(i);
    }

    /** Forgets the repeated columns met so far (format detection looks up columns the chosen mapper may not read). */
    void clearAmbiguous() {
        ambiguous.clear();
    }

    /** Notes that a column the mapper reads by a name other than its canonical one (a tag key) is repeated. */
    void markAmbiguous(String name) {
        ambiguous.add(canon(name));
    }

    /**
     * Bad input if a column that was looked up since {@link #clearAmbiguous} appears more than once in the
     * header (two {@code line_item_unblended_cost}, or {@code lineItem/UnblendedCost} beside
     * {@code line_item_unblended_cost}): which copy to read would be a guess.
     */
    void requireUnambiguous(String file) {
        if (ambiguous.isEmpty()) return;
        List<String> shown = new ArrayList<>();
        for (String a : ambiguous) {
            List<String> spelled = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (canon(names.get(i)).equals(a)) {
                    spelled.add(names.get(i));
                    at.add(i + 1);
                }
            }
            if (spelled.isEmpty()) continue;
            String n = spelled.stream().distinct().count() == 1
                    ? "'" + spelled.getFirst() + "'"
                    : "'" + String.join("' / '", spelled.stream().distinct().toList()) + "'";
            shown.add("column " + n + " appears " + spelled.size() + " times (columns "
                    + at.stream()
                            .map(String::valueOf)
                            .reduce((x, y) -> x + ", " + y)
                            .orElse("") + ")");
        }
        if (shown.isEmpty()) return;
        throw new BadInputException(file + ": line 1: " + String.join("; ", shown)
                + "; which copy to read would be a guess: remove or rename the copies");
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
