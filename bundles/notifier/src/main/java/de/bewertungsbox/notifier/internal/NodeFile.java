package de.bewertungsbox.notifier.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** This node's stable notifier id, kept in a file, so that after a crash the node knows its own claims. */
final class NodeFile {
    private NodeFile() {
    }

    static String load(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!id.isEmpty()) {
                return id;
            }
        }
        Files.createDirectories(file.getParent());
        String id = "notifier-" + UUID.randomUUID();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
