package de.bewertungsbox.importercsv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, reading each byte that is not part of a valid UTF-8 sequence as Windows-1252 instead. A file
 * saved by an older Excel ("Müller" as the single byte 0xFC) and a file mixing both (two exports pasted together)
 * read correctly without the user naming a charset. Streams with fixed buffers; not thread-safe.
 */
final class LenientUtf8Reader extends Reader {
    private static final char[] CP1252 = new char[256];

    static {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        new String(all, Charset.forName("windows-1252")).getChars(0, 256, CP1252, 0);
    }

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024).flip();
    private boolean eof;
    private boolean flushed;
    private boolean sawFallback;

    LenientUtf8Reader(InputStream in) {
        this.in = in;
    }

    /** @return whether any byte had to be read as Windows-1252 so far */
    boolean sawFallback() {
        return sawFallback;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (true) {
            if (!eof && bytes.remaining() < 4) {
                bytes.compact();
                int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (r < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + r);
                }
                bytes.flip();
            }
            CoderResult cr = utf8.decode(bytes, chars, eof);
            if (cr.isError()) {
                if (!fallback(cr.length())) {
                    break;
                }
            } else if (cr.isOverflow()) {
                break;
            } else if (eof) {
                fallback(bytes.remaining());
                if (!bytes.hasRemaining()) {
                    utf8.flush(chars);
                    flushed = true;
                }
                break;
            } else if (chars.position() > 0 && bytes.remaining() == 0) {
                break;
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    /** Reads {@code n} bytes as Windows-1252; {@code false} when the char buffer filled up first. */
    private boolean fallback(int n) {
        for (int i = 0; i < n; i++) {
            if (!chars.hasRemaining()) {
                return false;
            }
            chars.put(CP1252[bytes.get() & 0xFF]);
            sawFallback = true;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
