package frontier.app;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A view-model's background thread: outcomes come back on the FX thread, superseded ones not at all. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BackgroundTest {
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final CountDownLatch last = new CountDownLatch(1);

    private void hear(String what) {
        heard.add(what + (Platform.isFxApplicationThread() ? "" : " (off the FX thread)"));
    }

    @Test
    void onlyTheNewestLatestWorkIsHandedBack() throws Exception {
        Background b = new Background("test-latest");
        CountDownLatch gate = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
            b.latest(() -> {
                gate.await();
                return "older";
            }, this::hear, x -> hear("older failed"));
            b.latest(() -> "newer", v -> {
                hear(v);
                last.countDown();
            }, x -> hear("newer failed"));
        }).get();
        gate.countDown();
        assertTrue(last.await(30, TimeUnit.SECONDS), "the newer work ends");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("newer"), heard);
        b.shutdown();
    }

    @Test
    void supersededWorkIsDroppedAndPlainWorkAlwaysAnswers() throws Exception {
        Background b = new Background("test-run");
        CountDownLatch gate = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
            b.latest(() -> {
                gate.await();
                throw new IllegalStateException("boom");
            }, v -> hear("superseded value"), x -> hear("superseded failure"));
            b.supersede();
            b.run(() -> {
                throw new IllegalArgumentException("bad");
            }, v -> hear("value"), x -> hear("failed: " + x.getMessage()));
            b.run(() -> "ok", v -> {
                hear(v);
                last.countDown();
            }, x -> hear("failed"));
        }).get();
        gate.countDown();
        assertTrue(last.await(30, TimeUnit.SECONDS), "the plain work ends");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("failed: bad", "ok"), heard);
        b.shutdown();
    }
}
