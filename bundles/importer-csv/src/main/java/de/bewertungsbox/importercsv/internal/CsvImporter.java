package de.bewertungsbox.importercsv.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Component;

import de.bewertungsbox.api.importer.ImportContext;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterType;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * Imports customers from a CSV file as spreadsheets export it: delimiter and encoding detected, headers matched by
 * their usual German and English names, quoted fields with delimiters and line breaks, streamed record by record
 * (memory stays flat at any file size). Stateless; each job runs on its own thread.
 */
@Component(service = Importer.class)
@ImporterType(id = "csv", label = "CSV file", kind = ImporterKind.PUSH)
public class CsvImporter implements Importer {
    private static final int PROGRESS_EVERY = 1_000;

    @Override
    public void run(ImportContext context, ImportSink sink) throws ImportException {
        if (!context.hasContent()) {
            throw new ImportException("No file was uploaded.");
        }
        CsvOptions options = CsvOptions.from(context.parameters());
        Dates dates = Dates.withPattern(options.dateFormat());
        try {
            Sniffer.Sniffed sniffed;
            try (InputStream in = context.openContent()) {
                sniffed = Sniffer.sniff(Sniffer.sample(in), options.delimiter());
            }
            try (CountingInputStream counted = new CountingInputStream(context.openContent());
                 Reader reader = reader(counted, sniffed, options)) {
                parse(reader, sniffed.delimiter(), dates, sink, counted, context.contentLength());
            }
        } catch (IOException e) {
            throw new ImportException("The file could not be read: " + e.getMessage(), e);
        }
    }

    private static Reader reader(InputStream in, Sniffer.Sniffed sniffed, CsvOptions options) throws IOException {
        if (options.charset() != null) {
            if (sniffed.bomLength() > 0 && options.charset().equals(StandardCharsets.UTF_8)) {
                in.skipNBytes(sniffed.bomLength());
            }
            return new BufferedReader(new InputStreamReader(in, options.charset()), 64 * 1024);
        }
        if (sniffed.utf16()) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_16), 64 * 1024);
        }
        in.skipNBytes(sniffed.bomLength());
        return new LenientUtf8Reader(in);
    }

    private static void parse(Reader reader, char delimiter, Dates dates, ImportSink sink, CountingInputStream counted,
                              long length) throws IOException, ImportException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"')
                .setIgnoreEmptyLines(false).setTrailingData(true).get();
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        Iterator<CSVRecord> records = parser.iterator();
        long line = 0;
        try {
            List<String> header = null;
            while (header == null && records.hasNext()) {
                CSVRecord r = records.next();
                if (!blank(r)) {
                    header = r.toList();
                }
            }
            if (header == null) {
                throw new ImportException("The file is empty.");
            }
            Columns columns = Columns.of(header);
            sink.columns(columns.header(), columns.ignored());
            RowMapper mapper = new RowMapper(columns, dates);
            line = parser.getCurrentLineNumber();
            long rows = 0;
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                if (blank(r)) {
                    continue;
                }
                RowMapper.Mapped m = mapper.map(r);
                sink.accept(new SourceRow(r.getRecordNumber(), start, r.toList()), m.customer(), m.errors());
                if (++rows % PROGRESS_EVERY == 0) {
                    sink.progress(counted.count(), length);
                }
            }
            if (rows == 0) {
                throw new ImportException("The file has a header but no rows.");
            }
            sink.progress(length, length);
        } catch (UncheckedIOException e) {
            throw new ImportException(malformed(e.getCause(), line + 1), e);
        }
    }

    private static String malformed(IOException e, long line) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "A quoted field starting at line " + line + " is never closed: a \" opens it and no \" ends it "
                    + "before the end of the file. Rows before it were imported; fix the quote and upload again.";
        }
        if (m.contains("invalid char between encapsulated token and delimiter")) {
            return "Line " + line + " has text right after a closing quote. Rows before it were imported; fix "
                    + "that line and upload again.";
        }
        return "The file could not be read as CSV at line " + line + ": " + m;
    }

    private static boolean blank(CSVRecord r) {
        for (String v : r) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
