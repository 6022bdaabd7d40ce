package frontier.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** Plain-text tables of the commands: a header, body rows and total rows, columns aligned. */
final class Table {
    private Table() {}

    /**
     * Prints {@code rows} (the first is the header); the first {@code textColumns} columns are left-aligned,
     * the rest right-aligned; rules under the header and after {@code bodyRows} body rows.
     */
    static void print(PrintWriter out, List<String[]> rows, int textColumns, int bodyRows) {
        int n = rows.getFirst().length;
        int[] w = new int[n];
        for (String[] l : rows) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], l[i].length());
        for (int k = 0; k < rows.size(); k++) {
            String[] l = rows.get(k);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) b.append("  ");
                String fmt = i >= textColumns ? "%" + w[i] + "s" : "%-" + w[i] + "s";
                b.append(String.format(fmt, l[i]));
            }
            out.println(b.toString().stripTrailing());
            if (k == 0 || k == bodyRows && k < rows.size() - 1)
                out.println("-".repeat(Arrays.stream(w).sum() + 2 * (n - 1)));
        }
    }
}
