package frontier.store;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * What every part of a {@link Workspace}'s facade ({@link BillingImports}, {@link CostQueries}, {@link SweepStore})
 * works with: the workspace's file (for messages), its one connection, the query helper on it and the write lock
 * that serialises its transactions. A part shares the workspace's threading rules.
 */
abstract sealed class WorkspacePart permits BillingImports, CostQueries, SweepStore {
    /** The workspace's connection as its parts receive it, made once by {@link Workspace}. */
    record Shared(Path path, Connection conn, Sql db, WriteLock lock) {}

    final Path path;
    final Connection conn;
    final Sql db;
    final WriteLock lock;

    WorkspacePart(Shared shared) {
        this.path = shared.path();
        this.conn = shared.conn();
        this.db = shared.db();
        this.lock = shared.lock();
    }
}
