package io.beacon.platform.domain;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;

/**
 * JSON-P's builders and readers from one provider, looked up once. {@code jakarta.json.Json}'s
 * factory methods look the provider up on every call (a class load attempt and a service-loader
 * scan): a profile of a cold alarm storm found a tenth of the incident stage there, one lookup per
 * incident's description.
 */
public final class JsonP {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {}

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader reader(Reader in) {
        return PROVIDER.createReader(in);
    }

    public static JsonReader reader(InputStream in) {
        return PROVIDER.createReader(in);
    }
}
