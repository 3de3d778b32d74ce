package de.bewertungsbox.importercsv.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

import de.bewertungsbox.api.importer.ImportException;

/**
 * The CSV importer's parameters: {@code delimiter} ({@code ,} {@code ;} {@code tab} {@code |}; detected when
 * absent), {@code charset} (UTF-8 with Windows-1252 fallback when absent) and {@code date_format} (for slash
 * dates).
 *
 * @param delimiter  the delimiter, or {@code null} to detect it
 * @param charset    the charset, or {@code null} for lenient UTF-8
 * @param dateFormat the date pattern, or {@code null}
 */
record CsvOptions(Character delimiter, Charset charset, String dateFormat) {

    static CsvOptions from(Map<String, String> p) throws ImportException {
        return new CsvOptions(delimiter(p.get("delimiter")), charset(p.get("charset")), blankToNull(p.get("date_format")));
    }

    private static Character delimiter(String v) throws ImportException {
        if (v == null || v.isEmpty()) {
            return null;
        }
        switch (v.equals("\t") ? "tab" : v.strip().toLowerCase(Locale.ROOT)) {
            case ",", "comma":
                return ',';
            case ";", "semicolon":
                return ';';
            case "tab", "\\t", "%09":
                return '\t';
            case "|", "pipe":
                return '|';
            default:
                throw new ImportException("delimiter '" + v + "' is not supported; use , ; tab or |");
        }
    }

    private static Charset charset(String v) throws ImportException {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(v.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportException("charset '" + v + "' is not known; use for example UTF-8, windows-1252 or "
                    + "ISO-8859-15");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
