package de.bewertungsbox.importcore.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import de.bewertungsbox.api.importjob.RejectedRow;

/**
 * Writes rejected rows as a CSV file a spreadsheet opens directly: UTF-8 with a byte order mark (so Excel shows
 * umlauts), the source's header plus {@code error}, one line per rejected row.
 */
final class RejectedCsv implements AutoCloseable {
    private final CSVPrinter printer;
    private final int width;

    RejectedCsv(OutputStream out, List<String> header) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        this.printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        this.width = header.size();
        List<String> h = new ArrayList<>(header);
        h.add("error");
        printer.printRecord(h);
    }

    void write(RejectedRow row) {
        List<String> values = new ArrayList<>(row.values());
        while (values.size() < width) {
            values.add("");
        }
        values.add(row.errors().stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
