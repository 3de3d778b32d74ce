package de.bewertungsbox.restapi.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes at most {@code max} bytes and fails with {@link TooLarge} beyond them. Not thread-safe. */
final class LimitedStream extends FilterInputStream {
    /** The upload is larger than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("upload larger than " + max + " bytes");
        }
    }

    private final long max;
    private long count;

    LimitedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > max) {
            throw new TooLarge(max);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && (count += n) > max) {
            throw new TooLarge(max);
        }
        return n;
    }

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }
}
