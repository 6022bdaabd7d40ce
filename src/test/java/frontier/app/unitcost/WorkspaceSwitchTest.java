package frontier.app.unitcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.BillingSession;
import frontier.app.TaskExecutor;
import frontier.app.costs.CostsViewModel;
import frontier.store.CostFilter;
import frontier.store.Dimension;
import frontier.store.Grouping;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State follows the workspace: switching to another one drops what the views showed of the old one (dates,
 * filters, search, selected endpoint, forecast, a tested rule) and shows the new one's. Plain Java: the
 * view-models run on the current thread.
 */
class WorkspaceSwitchTest {
    @TempDir
    Path dir;

    private BillingSession twoWorkspaces(Path first) {
        UnitCostWorkspace.importBill(first);
        UnitCostWorkspace.insertRequests(first);
        return new BillingSession(first);
    }

    @Test
    void costsForgetTheOldWorkspacesDatesFiltersAndSearch() {
        BillingSession session = twoWorkspaces(dir.resolve("a.sqlite"));
        CostsViewModel costs = new CostsViewModel(session, TaskExecutor.CURRENT_THREAD);
        assertTrue(costs.breakdownProperty().get().lines() > 0);
        costs.fromProperty().set(UnitCostWorkspace.FIRST.plusDays(3));
        costs.filters().add(new CostFilter(Grouping.of(Dimension.SERVICE), "Amazon EC2"));
        costs.searchProperty().set("chat");
        Grouping stack = Grouping.of(Dimension.SERVICE);
        costs.stackByProperty().set(stack);

        Path other = dir.resolve("b.sqlite");
        UnitCostWorkspace.importBill(other);
        session.use(other);
        assertNull(costs.fromProperty().get());
        assertTrue(costs.filters().isEmpty());
        assertEquals("", costs.searchProperty().get());
        assertEquals(stack, costs.stackByProperty().get(), "how to look at costs is the user's, not the workspace's");
        assertEquals(
                3L * UnitCostWorkspace.DAYS,
                costs.breakdownProperty().get().lines(),
                "every line of the new workspace");
        assertEquals(3L * UnitCostWorkspace.DAYS, costs.lineCountProperty().get());
    }

    @Test
    void unitCostForgetsTheChosenEndpointAndForecastOfTheOldWorkspace() {
        BillingSession session = twoWorkspaces(dir.resolve("a.sqlite"));
        UnitCostViewModel unit = new UnitCostViewModel(session, TaskExecutor.CURRENT_THREAD);
        unit.selectedEndpointProperty().set("embed");
        assertEquals("embed", unit.forecastOfProperty().get());
        assertNotNull(unit.forecastProperty().get());

        session.use(dir.resolve("empty.sqlite"));
        assertNull(unit.selectedEndpointProperty().get(), "no endpoint of the old workspace");
        assertNull(unit.forecastOfProperty().get());
        assertNull(unit.forecastProperty().get());
        assertTrue(unit.dashboardProperty().get().isEmpty(), "the new workspace's (empty) dashboard");
    }

    @Test
    void attributionForgetsARuleTestedOnTheOldWorkspace() {
        BillingSession session = twoWorkspaces(dir.resolve("a.sqlite"));
        AttributionViewModel rules = new AttributionViewModel(session, TaskExecutor.CURRENT_THREAD);
        assertFalse(rules.rules().isEmpty());
        rules.preview(rules.rules().getFirst(), 0, true);
        assertNotNull(rules.previewProperty().get());

        session.use(dir.resolve("empty.sqlite"));
        assertNull(rules.previewProperty().get());
    }
}
