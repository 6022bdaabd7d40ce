package frontier.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.BillingSession;
import frontier.app.TaskExecutor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data view-model as plain Java: imports run on the current thread, step by step. */
class DataViewModelTest {
    @TempDir
    Path dir;

    private static Path bill() throws URISyntaxException {
        return Path.of(DataViewModelTest.class
                .getResource("/billing/aws_cur2_mock_parquet_twin.csv")
                .toURI());
    }

    @Test
    void anImportedBillIsInTheHistoryAndTheSessionIsToldOfTheChange() throws Exception {
        BillingSession session = new BillingSession(dir.resolve("ws.sqlite"));
        DataViewModel vm = new DataViewModel(session, TaskExecutor.CURRENT_THREAD);
        assertTrue(vm.imports().isEmpty());
        int revision = session.revisionProperty().get();
        vm.importFile(bill());
        assertFalse(vm.errorProperty().get(), vm.statusProperty().get());
        assertTrue(
                vm.statusProperty().get().startsWith("Imported aws_cur2_mock_parquet_twin.csv"),
                vm.statusProperty().get());
        assertEquals(1, vm.imports().size());
        assertTrue(session.revisionProperty().get() > revision, "views showing the workspace refresh");
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canImportProperty().get());
    }

    @Test
    void openingAnotherWorkspaceShowsItsHistoryNotTheOldOnes() throws Exception {
        BillingSession session = new BillingSession(dir.resolve("first.sqlite"));
        DataViewModel vm = new DataViewModel(session, TaskExecutor.CURRENT_THREAD);
        vm.importFile(bill());
        assertEquals(1, vm.imports().size());
        vm.openWorkspace(dir.resolve("second.sqlite"));
        assertEquals(dir.resolve("second.sqlite"), session.workspace());
        assertTrue(vm.imports().isEmpty(), "the new workspace has no imports");
        assertTrue(
                vm.statusProperty().get().startsWith("Created workspace"),
                vm.statusProperty().get());
        assertEquals(dir.resolve("second.sqlite"), vm.recentWorkspaces().getFirst());
    }

    @Test
    void aFileThatIsNeitherABillNorALogIsRefusedWithBothReasonsAndNothingStored() throws IOException {
        BillingSession session = new BillingSession(dir.resolve("ws.sqlite"));
        DataViewModel vm = new DataViewModel(session, TaskExecutor.CURRENT_THREAD);
        vm.importFile(Files.writeString(dir.resolve("notes.csv"), "hello,world\n1,2\n"));
        assertTrue(vm.errorProperty().get());
        assertTrue(
                vm.statusProperty().get().contains("neither a known billing export nor a request log"),
                vm.statusProperty().get());
        assertTrue(vm.imports().isEmpty());
    }
}
