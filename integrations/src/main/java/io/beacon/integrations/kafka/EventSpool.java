package io.beacon.integrations.kafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A collector's events while Kafka cannot take them: a bounded append-only file beside a file
 * holding how far Kafka has acknowledged it. {@link #store} returns once the entry is on disk
 * (fsync, shared by the threads that stored meanwhile: group commit), so that the sender can be
 * answered; it refuses when the file would pass its bound (the caller sheds and counts). The
 * file is emptied once everything in it was acknowledged. Entries are length- and CRC-framed:
 * after a crash, a torn entry at the end (never answered for) is cut off.
 */
final class EventSpool implements AutoCloseable {
    private static final int HEADER = 8; // length, CRC32

    /** Entries read from the spool, and where the spool continues after them. */
    record Chunk(List<byte[]> entries, long next) {}

    private final FileChannel data;
    private final FileChannel read;
    private final long maxBytes;
    private final Object forceLock = new Object();
    private long end;
    private long readPosition;
    private int entries;
    /** Bytes ever appended and ever forced: they only grow, so that emptying the file cannot confuse them. */
    private long appended;
    private volatile long forced;

    private EventSpool(FileChannel data, FileChannel read, long maxBytes) {
        this.data = data;
        this.read = read;
        this.maxBytes = maxBytes;
    }

    /** Opens (or creates) the spool in {@code dir}, keeping what an earlier run left unacknowledged. */
    static EventSpool open(Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        FileChannel data = FileChannel.open(dir.resolve("events.spool"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel read = FileChannel.open(dir.resolve("events.spool.read"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        EventSpool spool = new EventSpool(data, read, maxBytes);
        spool.recover();
        return spool;
    }

    private void recover() throws IOException {
        ByteBuffer position = ByteBuffer.allocate(8);
        readPosition = read.read(position, 0) == 8 ? position.flip().getLong() : 0;
        long size = data.size();
        if (readPosition < 0 || readPosition > size) {
            readPosition = 0; // the file was emptied after the position was last written
        }
        long at = readPosition;
        int count = 0;
        while (true) {
            byte[] entry = entryAt(at, size);
            if (entry == null) {
                break;
            }
            at += HEADER + entry.length;
            count++;
        }
        if (at < size) {
            data.truncate(at); // a torn entry: its sender was never answered
        }
        end = at;
        entries = count;
        appended = at;
        forced = at;
        data.force(true);
    }

    /**
     * Appends the entry and returns once it is on disk; false (nothing written) when the spool is
     * full. Safe to call from many threads.
     */
    boolean store(byte[] entry) throws IOException {
        long mine;
        synchronized (this) {
            if (end + HEADER + entry.length > maxBytes) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocate(HEADER + entry.length);
            buffer.putInt(entry.length).putInt(crc(entry)).put(entry).flip();
            while (buffer.hasRemaining()) {
                end += data.write(buffer, end);
            }
            entries++;
            appended += HEADER + entry.length;
            mine = appended;
            notifyAll();
        }
        synchronized (forceLock) {
            if (forced < mine) {
                long upTo;
                synchronized (this) {
                    upTo = appended;
                }
                data.force(false);
                forced = upTo;
            }
        }
        return true;
    }

    /** Up to {@code max} entries from where Kafka's acknowledgement stopped. */
    synchronized Chunk peek(int max) throws IOException {
        List<byte[]> out = new ArrayList<>(Math.min(max, entries));
        long at = readPosition;
        while (out.size() < max && at < end) {
            byte[] entry = entryAt(at, end);
            if (entry == null) {
                throw new IOException("the spool is damaged at " + at);
            }
            out.add(entry);
            at += HEADER + entry.length;
        }
        return new Chunk(out, at);
    }

    /** Kafka acknowledged the entries of a chunk: they are done; an emptied spool starts over at zero. */
    synchronized void acknowledged(Chunk chunk) throws IOException {
        entries -= chunk.entries().size();
        readPosition = chunk.next();
        if (readPosition == end) {
            data.truncate(0);
            data.force(true);
            end = 0;
            readPosition = 0;
        }
        ByteBuffer position = ByteBuffer.allocate(8).putLong(readPosition).flip();
        read.write(position, 0);
        read.force(true);
    }

    synchronized boolean isEmpty() {
        return entries == 0;
    }

    synchronized int entries() {
        return entries;
    }

    /** Waits until there is an entry or the time is up (the drainer's idle wait). */
    synchronized void awaitEntries(long millis) throws InterruptedException {
        if (entries == 0) {
            wait(millis);
        }
    }

    @Override
    public void close() throws IOException {
        data.close();
        read.close();
    }

    private byte[] entryAt(long at, long limit) throws IOException {
        if (at + HEADER > limit) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(header, at);
        int length = header.flip().getInt();
        int crc = header.getInt();
        if (length < 0 || at + HEADER + length > limit) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(body, at + HEADER);
        byte[] entry = body.array();
        return crc(entry) == crc ? entry : null;
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            int n = data.read(buffer, at + buffer.position());
            if (n < 0) {
                throw new IOException("the spool ended early at " + at);
            }
        }
    }

    private static int crc(byte[] entry) {
        CRC32 crc = new CRC32();
        crc.update(entry);
        return (int) crc.getValue();
    }
}
