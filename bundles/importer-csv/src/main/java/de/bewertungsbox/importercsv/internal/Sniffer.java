package de.bewertungsbox.importercsv.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.bewertungsbox.api.importer.ImportException;

/**
 * Looks at the first 64 KB of an upload to tell what it is: empty, a workbook or other binary file (refused with a
 * message saying how to export CSV), UTF-16 text (Excel's "Unicode text"), and which delimiter it uses.
 */
final class Sniffer {
    static final int SAMPLE = 64 * 1024;
    private static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    /** What the sample showed. */
    record Sniffed(boolean utf16, int bomLength, char delimiter) {
    }

    private Sniffer() {
    }

    static byte[] sample(InputStream in) throws IOException {
        return in.readNBytes(SAMPLE);
    }

    static Sniffed sniff(byte[] head, Character delimiter) throws ImportException, IOException {
        if (head.length == 0 || isBlank(head)) {
            throw new ImportException("The file is empty.");
        }
        refuseBinary(head);
        boolean utf16 = startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF);
        int bom = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (!utf16 && indexOf(head, (byte) 0) >= 0) {
            throw new ImportException("This is not a CSV file: it contains binary data. Save the spreadsheet as "
                    + "\"CSV UTF-8\" and upload that file.");
        }
        char d = delimiter != null ? delimiter : detectDelimiter(text(head, utf16, bom));
        return new Sniffed(utf16, bom, d);
    }

    private static void refuseBinary(byte[] head) throws ImportException {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw new ImportException("This is an Excel or LibreOffice workbook (.xlsx/.ods), not a CSV file. "
                    + "Open it and use \"Save as\" with the type \"CSV UTF-8 (comma delimited)\", then upload that.");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportException("This is an old Excel workbook (.xls), not a CSV file. Open it and use "
                    + "\"Save as\" with the type \"CSV UTF-8 (comma delimited)\", then upload that.");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw new ImportException("This is a PDF document, not a CSV file. Export the customer list from its "
                    + "source as CSV and upload that.");
        }
        int control = 0;
        int n = Math.min(head.length, 8192);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C && b != 0) {
                control++;
            }
        }
        if (control * 100 > n) {
            throw new ImportException("This is not a CSV file: it contains binary data. Save the spreadsheet as "
                    + "\"CSV UTF-8\" and upload that file.");
        }
    }

    private static String text(byte[] head, boolean utf16, int bom) throws IOException {
        if (utf16) {
            return new String(head, StandardCharsets.UTF_16);
        }
        StringBuilder b = new StringBuilder();
        try (Reader r = new LenientUtf8Reader(new ByteArrayInputStream(head, bom, head.length - bom))) {
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                b.append(buf, 0, n);
            }
        }
        return b.toString();
    }

    /**
     * Picks the candidate that splits the first line into most columns and the following lines into as many;
     * quoted text does not count. Comma when nothing splits.
     */
    static char detectDelimiter(String text) {
        List<String> lines = firstLines(text, 20);
        char best = ',';
        long bestScore = 0;
        for (char d : DELIMITERS) {
            int header = count(lines.get(0), d);
            if (header == 0) {
                continue;
            }
            long consistent = lines.stream().skip(1).filter(l -> !l.isBlank() && count(l, d) == header).count();
            long score = consistent * 1_000 + header;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /** Logical lines: a line break inside quotes does not end a line. */
    private static List<String> firstLines(String text, int max) {
        List<String> lines = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length() && lines.size() < max; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                if (i > start) {
                    lines.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (lines.isEmpty() || (lines.size() < max && start < text.length() && !quoted)) {
            lines.add(text.substring(Math.min(start, text.length())));
        }
        return lines;
    }

    private static int count(String line, char d) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                n++;
            }
        }
        return n;
    }

    private static boolean isBlank(byte[] head) {
        for (byte b : head) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return head.length < SAMPLE;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] head, byte b) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
