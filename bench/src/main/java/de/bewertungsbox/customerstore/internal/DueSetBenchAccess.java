package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.strategy.Strategy;

/** The benchmark's view of the due-set query's plan. */
public final class DueSetBenchAccess {
    private DueSetBenchAccess() {
    }

    /** @return the database's plan for one page of the due-set query */
    public static String explain(Connection c, UUID project, Strategy s, Instant from, Instant to, DueCustomer after)
            throws SQLException {
        DueSet.Sql q = DueSet.build(project, s, from, to, after);
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + q.text() + " FETCH FIRST 1000 ROWS ONLY")) {
            JobRows.bind(ps, q.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }
}
