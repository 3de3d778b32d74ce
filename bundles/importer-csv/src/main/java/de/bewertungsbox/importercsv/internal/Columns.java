package de.bewertungsbox.importercsv.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.bewertungsbox.api.importer.ImportException;

/**
 * Which column of a file holds which {@link Field}. The first column naming a field wins; later ones, and columns
 * naming nothing we know, are ignored and listed.
 */
final class Columns {
    private final Map<Field, Integer> index = new EnumMap<>(Field.class);
    private final List<String> header;
    private final List<String> ignored = new ArrayList<>();

    private Columns(List<String> header) {
        this.header = List.copyOf(header);
    }

    /**
     * @param header the header record, as read
     * @return the mapping
     * @throws ImportException when the file has no first-name column (nor a name column), or neither e-mail nor
     *                         phone column
     */
    static Columns of(List<String> header) throws ImportException {
        Columns c = new Columns(header);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            int at = i;
            Field f = Field.of(h).orElse(null);
            if (f == null || c.index.containsKey(f)) {
                if (!h.isEmpty()) {
                    c.ignored.add(h);
                }
            } else {
                c.index.put(f, at);
            }
        }
        if (c.index.containsKey(Field.FIRST_NAME) && c.index.containsKey(Field.FULL_NAME)) {
            c.ignored.add(header.get(c.index.remove(Field.FULL_NAME)).strip());
        }
        if (!c.index.containsKey(Field.FIRST_NAME) && !c.index.containsKey(Field.FULL_NAME)) {
            throw new ImportException("The file has no first_name column (also understood: "
                    + Field.FIRST_NAME.examples() + ", or a full name in a column called name). Columns found: "
                    + found(header) + ".");
        }
        if (!c.index.containsKey(Field.EMAIL) && !c.index.containsKey(Field.PHONE)) {
            throw new ImportException("The file has neither an email column (" + Field.EMAIL.examples()
                    + ") nor a phone column (" + Field.PHONE.examples() + "); every customer needs one of them. "
                    + "Columns found: " + found(header) + ".");
        }
        return c;
    }

    private static String found(List<String> header) {
        List<String> shown = header.stream().map(String::strip).filter(h -> !h.isEmpty()).limit(20)
                .map(h -> h.length() > 40 ? h.substring(0, 37) + "..." : h).toList();
        return shown.isEmpty() ? "none" : String.join(", ", shown) + (header.size() > 20 ? ", ..." : "");
    }

    /** @return the column index of a field, or -1 */
    int of(Field f) {
        Integer i = index.get(f);
        return i == null ? -1 : i;
    }

    List<String> header() {
        return header;
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }
}
