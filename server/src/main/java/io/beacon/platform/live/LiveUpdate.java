package io.beacon.platform.live;

/**
 * Something the console should show without reloading: fired as a CDI event after the change has
 * been committed. {@code topic} is the SSE event name ({@code ticket}, {@code alarm}, {@code task}),
 * {@code kind} what happened ({@code created}, {@code changed}, ...), {@code id} and {@code key}
 * name the thing (the key may be null where a thing has none).
 */
public record LiveUpdate(String topic, String kind, String id, String key) {
    public LiveUpdate {
        if (topic == null || topic.isBlank() || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a live update needs a topic and a kind");
        }
    }
}
