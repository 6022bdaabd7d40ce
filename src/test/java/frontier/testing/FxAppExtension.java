package frontier.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.robot.MouseRobot;
import org.testfx.service.finder.WindowFinder;
import org.testfx.service.query.PointQuery;

/**
 * What TestFX's {@code ApplicationExtension} does for the app's UI tests, without its idle waits: before each test
 * the class's own {@code @Start} methods get the primary stage on the FX thread; after it every window is hidden and
 * any mouse button or key the robot still holds is released; test methods get an {@link FxRobot}.
 *
 * <p>ApplicationExtension settles the FX thread five times around each test (after the start, the application's
 * stop, hiding the windows, releasing the mouse buttons and the keys, whether or not any was held), each time with
 * TestFX's {@code waitForFxEvents}: five round trips to the FX thread with a 10 ms sleep after each, at least 50 ms
 * of an idle core. Measured over the 97 UI tests in one JVM (JFR, jdk.ThreadSleep): 2,425 of those sleeps, about 24 s
 * of wall time on a quiet machine. Here the FX thread is settled twice per test by {@link #settle()}: what was
 * queued has run and a whole pulse (CSS, layout, the scene graph's sync) has followed it, twice over, which is what
 * the sleeps were there to let happen, in about two pulses (33 ms) instead of 250 ms. Tests call {@link #settle()}
 * where they called TestFX's {@code WaitForAsyncUtils.waitForFxEvents()} (five round trips, 50 ms of sleep).
 */
public final class FxAppExtension
        implements TestInstancePostProcessor, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** As TestFX's -Dtestfx.setup.timeout in the headless profile: a bound for a hung test, it times nothing. */
    private static final long TIMEOUT_S = 180;

    private final FxRobot robot = new SettlingRobot();
    private Object test;
    private final List<Method> starts = new ArrayList<>();

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        test = testInstance;
        starts.clear();
        // As ApplicationExtension: the test class's own @Start methods (a base class calls its helpers from them).
        for (Method m : testInstance.getClass().getDeclaredMethods()) {
            if (!m.isAnnotationPresent(Start.class)) continue;
            if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != Stage.class)
                throw new IllegalStateException("@Start method must take exactly one Stage: " + m);
            m.setAccessible(true);
            starts.add(m);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        onFx(() -> {
            for (Method m : starts) {
                try {
                    m.invoke(test, stage);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception x ? x : new ExecutionException(e.getCause());
                }
            }
            return null;
        });
        settle();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) w.hide();
            return null;
        });
        // Only what is still held: TestFX's release of nothing waits for the FX thread all the same.
        if (!robot.robotContext().getMouseRobot().getPressedButtons().isEmpty()) robot.release(new MouseButton[0]);
        if (!robot.robotContext().getKeyboardRobot().getPressedKeys().isEmpty()) robot.release(new KeyCode[0]);
        settle();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isAssignableFrom(FxRobot.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return robot;
    }

    /**
     * Returns once everything queued on the FX thread so far has run and a whole pulse has run after it, twice (so
     * what the first pulse queued, e.g. a skin's {@code runLater} after layout, has run and been laid out too).
     */
    public static void settle() {
        try {
            for (int round = 0; round < 2; round++) {
                CountDownLatch done = new CountDownLatch(1);
                Platform.runLater(() -> new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        stop();
                        // Queued during the pulse: runs once the pulse's CSS, layout and sync are done.
                        Platform.runLater(done::countDown);
                    }
                }.start());
                if (!done.await(TIMEOUT_S, TimeUnit.SECONDS))
                    throw new IllegalStateException("the FX thread did not settle in " + TIMEOUT_S + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the FX thread settled", e);
        }
    }

    /**
     * TestFX's robot with the same events and its waits replaced by {@link #settle()}: a click settles, moves the
     * pointer to the point (one move, as headless nobody watches it travel, and a second if the point moved; TestFX moved it in up to 8 steps 1 ms apart, then
     * moved it twice more to the point, settling after each), then presses and releases as TestFX does, and
     * settles; a key press or release, and text written, are sent as TestFX sends them and settle once (TestFX
     * waited after each key and each character);
     * {@code interact} runs its code on the FX thread and settles. Every event still goes through the FX
     * event queue and is waited for. Measured in one JVM over the UI tests (JFR): clicks' and interactions' waits
     * were about 2,300 of TestFX's 10 ms sleeps.
     */
    private static final class SettlingRobot extends FxRobot {
        @Override
        public FxRobot clickOn(PointQuery pointQuery, Motion motion, MouseButton... buttons) {
            MouseRobot mouse = robotContext().getMouseRobot();
            // The point is read once the FX thread has settled (a node's bounds read while a layout is still pending
            // are stale: a full run once clicked beside Unit cost's legend entry), and read again after the move
            // (as TestFX does): if the move made the layout change, the pointer follows the node.
            settle();
            javafx.geometry.Point2D at = pointQuery.query();
            mouse.moveNoWait(at);
            settle();
            javafx.geometry.Point2D again = pointQuery.query();
            if (!again.equals(at)) {
                mouse.moveNoWait(again);
                settle();
            }
            mouse.pressNoWait(buttons);
            mouse.releaseNoWait(buttons);
            settle();
            return this;
        }

        @Override
        public FxRobot press(KeyCode... keys) {
            robotContext().getKeyboardRobot().pressNoWait(keys);
            settle();
            return this;
        }

        @Override
        public FxRobot release(KeyCode... keys) {
            robotContext().getKeyboardRobot().releaseNoWait(keys);
            settle();
            return this;
        }

        /** As TestFX's write: each character typed into the focused window's scene, then one settle. */
        @Override
        public FxRobot write(String text) {
            WindowFinder windows = robotContext().getWindowFinder();
            Window target = windows.window(Window::isFocused);
            if (target == null) target = windows.targetWindow();
            if (target == null) target = windows.window(0);
            Scene scene = target.getScene();
            for (char c : text.toCharArray()) {
                KeyCode key = c == '\n' ? KeyCode.ENTER : c == '\t' ? KeyCode.TAB : KeyCode.UNDEFINED;
                robotContext().getBaseRobot().typeKeyboard(scene, key, Character.toString(c));
            }
            settle();
            return this;
        }

        @Override
        public FxRobot interact(Runnable runnable) {
            try {
                onFx(() -> {
                    runnable.run();
                    return null;
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            settle();
            return this;
        }
    }

    private interface FxCall {
        Object call() throws Exception;
    }

    private static void onFx(FxCall call) throws Exception {
        CompletableFuture<Object> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            f.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        }
    }
}
