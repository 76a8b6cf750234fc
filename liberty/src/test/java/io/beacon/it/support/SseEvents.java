package io.beacon.it.support;

/** Reads a server-sent event stream line by line, as a browser does, and hands each complete event on. */
public final class SseEvents {
    /** One event of the stream: its name, its id (null when it had none) and its data lines joined. */
    public interface Listener {
        void event(String name, String id, String data);
    }

    private SseEvents() {
    }

    /** Reads until the lines end (the stream closed); an event counts once the blank line after it came. */
    public static void read(Iterable<String> lines, Listener listener) {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (name != null) {
                    listener.event(name, id, data.toString());
                }
                name = null;
                id = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
    }
}
