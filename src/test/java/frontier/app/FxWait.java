package frontier.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one wait of the app's TestFX tests: polls a condition on the FX thread (so the state read is the one
 * the window shows) until it holds, failing with a timeout after the given seconds. Generous limits: they
 * bound a hung test on a loaded machine, they time nothing.
 */
public final class FxWait {
    /** What most waits allow: a background query or a short run on a busy two-core machine. */
    public static final int SECONDS = 30;

    private FxWait() {}

    /** Waits up to {@link #SECONDS} for {@code condition}, checked on the FX thread. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(SECONDS, condition);
    }

    /** Waits up to {@code seconds} for {@code condition}, checked on the FX thread. */
    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition)
                .get());
    }
}
