package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Resolves a location given by slug or UUID within one project. */
final class Locations {
    private Locations() {
    }

    /** @return slug and id string, both mapped to the id */
    static Map<String, UUID> load(Connection c, UUID projectId) throws SQLException {
        Map<String, UUID> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, slug FROM bb_location WHERE project_id = ?")) {
            ps.setObject(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    out.put(rs.getString(2), id);
                    out.put(id.toString(), id);
                }
            }
        }
        return out;
    }

    static UUID resolve(Map<String, UUID> locations, String key) {
        return locations.get(key.strip().toLowerCase(Locale.ROOT));
    }
}
