package io.beacon.platform.web;

import io.beacon.platform.domain.MalformedBodyException;
import io.beacon.platform.domain.TooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * The request body as it streams in, counted against the route's limit; a JSON body is also
 * watched for nesting beyond the limit before any parser builds a tree of it. Nothing is buffered.
 */
final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final BodyLimit limit;
    private final boolean json;
    private long count;
    private int depth;
    private boolean inString;
    private boolean escaped;

    LimitedInputStream(ServletInputStream in, BodyLimit limit, boolean json) {
        this.in = in;
        this.limit = limit;
        this.json = json;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            seen(1);
            watch((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            seen(n);
            if (json) {
                for (int i = offset; i < offset + n; i++) {
                    watch(buffer[i]);
                }
            }
        }
        return n;
    }

    private void seen(int n) {
        count += n;
        if (count > limit.maxBytes()) {
            throw tooLarge(limit);
        }
    }

    /** Tracks brackets outside strings; JSON's structural characters are all ASCII, so bytes do. */
    private void watch(byte b) {
        if (!json) {
            return;
        }
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> {
                if (++depth > limit.maxJsonDepth()) {
                    throw new MalformedBodyException("json", "the JSON nests deeper than " + limit.maxJsonDepth() + " levels");
                }
            }
            case '}', ']' -> depth--;
            default -> { }
        }
    }

    static TooLargeException tooLarge(BodyLimit limit) {
        return new TooLargeException("the body of " + limit.routeClass() + " may have at most " + limit.maxBytes()
                + " bytes");
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
