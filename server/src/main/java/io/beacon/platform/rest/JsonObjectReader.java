package io.beacon.platform.rest;

import io.beacon.platform.domain.JsonP;
import io.beacon.platform.domain.MalformedBodyException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a body that a resource takes as a {@link JsonObject}: broken JSON and any other JSON value
 * (an array, a string) answer 400 naming the problem, where the framework's own reader would fail
 * later with a 500. An empty body gives null, which {@link JsonBody} refuses by field.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json"})
public class JsonObjectReader implements MessageBodyReader<JsonObject> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream in = new PushbackInputStream(entity, 1);
        int first = in.read();
        if (first < 0) {
            return null;
        }
        in.unread(first);
        JsonValue value;
        try (JsonReader reader = JsonP.reader(in)) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new MalformedBodyException("json", "the body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new MalformedBodyException("json", "the body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBodyException("json", "the body must be a JSON object, not " + article(value.getValueType()));
        }
        return value.asJsonObject();
    }

    private static String article(JsonValue.ValueType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            default -> "null";
        };
    }
}
