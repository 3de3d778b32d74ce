package de.bewertungsbox.importcore.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This node's stable id, kept in a file beside the work directory, so that after a crash the node recognises the
 * jobs it was running and ends them.
 */
final class NodeId {
    private NodeId() {
    }

    static String load(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        Files.createDirectories(file.getParent());
        String id = UUID.randomUUID().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
