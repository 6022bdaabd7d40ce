package frontier.app;

/**
 * Runs each task at once, to its end, on the thread that executes it, with progress, messages and the
 * outcome handed to its handlers on that thread too: a view-model driven by it can be tested step by step
 * as plain Java (its JavaFX properties need no toolkit), as with JabRef's {@code CurrentThreadTaskExecutor}.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        if (task.isCancelled()) {
            task.completed(null, null);
            return task;
        }
        T value;
        try {
            value = task.call(new TaskContext() {
                @Override
                public boolean isCancelled() {
                    return task.isCancelled();
                }

                @Override
                public void progress(double fraction) {
                    task.progressed(fraction);
                }

                @Override
                public void message(String text) {
                    task.said(text);
                }
            });
        } catch (Exception | Error x) {
            task.completed(null, x);
            return task;
        }
        task.completed(value, null);
        return task;
    }

    @Override
    public void shutdown() {}
}
