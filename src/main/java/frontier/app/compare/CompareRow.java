package frontier.app.compare;

import frontier.scenario.alternatives.CompareMetric;
import java.util.Map;

/**
 * One line of the comparison table: an entry (0 is the baseline), its name, each figure as shown (value ± CI,
 * then the change from the baseline) and the words that say it drops requests (a batch job: that it is done by the
 * deadline less often than the baseline), empty when it does what the baseline does.
 */
public record CompareRow(int entry, String name, Map<CompareMetric, String> cells, String dropWarning) {
    public String cell(CompareMetric m) {
        return cells.getOrDefault(m, "");
    }
}
