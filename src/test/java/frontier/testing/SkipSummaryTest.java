package frontier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

class SkipSummaryTest {
    private static TestIdentifier test(String method) {
        UniqueId id = UniqueId.forEngine("junit-jupiter").append("method", method);
        return TestIdentifier.from(
                new AbstractTestDescriptor(
                        id, method + "()", MethodSource.from(SkipSummaryTest.class.getName(), method)) {
                    @Override
                    public Type getType() {
                        return Type.TEST;
                    }
                });
    }

    @Test
    void printsOneLinePerReasonWithTheCountAndTheFirstTests() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SkipSummary s = new SkipSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String missing = "Assumption failed: /x/samples not found: needs traces/a.jsonl (not vendored: 3 MB)";
        for (String m : new String[] {"a", "b", "c", "d"})
            s.executionFinished(test(m), TestExecutionResult.aborted(new TestAbortedException(missing)));
        s.executionFinished(test("e"), TestExecutionResult.successful());
        s.executionSkipped(test("f"), "not on this platform");
        s.testPlanExecutionFinished(null);
        assertEquals("""
                skipped 4 tests: /x/samples not found: needs traces/a.jsonl (not vendored: 3 MB) [SkipSummaryTest.a, SkipSummaryTest.b, SkipSummaryTest.c, …]
                skipped 1 test: not on this platform [SkipSummaryTest.f]
                """, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        bytes.reset();
        s.testPlanExecutionFinished(null);
        assertEquals(
                "",
                bytes.toString(StandardCharsets.UTF_8),
                "a plan's skips are printed once, not again after the next plan");
    }
}
