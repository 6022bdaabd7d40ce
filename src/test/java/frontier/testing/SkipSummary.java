package frontier.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Makes skipped tests visible: at the end of the run, one line per reason ("skipped 3 tests: … not found: needs
 * traces/x.jsonl (not vendored: 3 MB)") naming how many tests it skipped and a few of them. Tests skip by
 * aborting on an assumption (the real samples that are not vendored, see {@code frontier.ingest.Samples}) or by
 * being disabled; without this, surefire only counts them. Registered for every JUnit Platform run through
 * META-INF/services.
 */
public final class SkipSummary implements TestExecutionListener {
    private static final int NAMED = 3;

    private final Map<String, List<String>> byReason = new LinkedHashMap<>();
    private final PrintStream out;

    public SkipSummary() {
        this(System.out);
    }

    SkipSummary(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason == null || reason.isBlank() ? "disabled" : reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
        Optional<Throwable> t = result.getThrowable();
        String reason = t.map(Throwable::getMessage).orElse("aborted");
        record(test, reason.replaceFirst("^Assumption failed: ", ""));
    }

    private synchronized void record(TestIdentifier test, String reason) {
        String name = test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(m -> m.getJavaClass().getSimpleName() + "." + m.getMethodName())
                .orElse(test.getDisplayName() + (test.isTest() ? "" : " (all its tests)"));
        List<String> tests = byReason.computeIfAbsent(reason, r -> new ArrayList<>());
        if (!tests.contains(name) || test.isTest()) tests.add(name);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        // Surefire runs each class as a plan of its own in a reused test JVM: print what this plan skipped and
        // forget it, so a reason is not printed again, growing, after every later class.
        for (String line : lines()) out.println(line);
        out.flush();
        byReason.clear();
    }

    /** One line per reason, in the order the reasons were first seen. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        byReason.forEach((reason, tests) -> {
            List<String> distinct = tests.stream().distinct().toList();
            String some = String.join(", ", distinct.subList(0, Math.min(NAMED, distinct.size())))
                    + (distinct.size() > NAMED ? ", …" : "");
            lines.add("skipped " + tests.size() + (tests.size() == 1 ? " test: " : " tests: ") + reason + " [" + some
                    + "]");
        });
        return lines;
    }
}
