package io.beacon.platform.rest;

import io.beacon.platform.domain.BadParameterException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Whole-number parameters ({@code ?page=}, {@code ?size=}, ids): a value that is not a number or
 * does not fit answers 400 naming the parameter. Without this, JAX-RS answers a query parameter it
 * cannot convert with 404, as if the address did not exist.
 */
@Provider
public class IntegerParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Whole<>(nameOf(annotations), Integer.MIN_VALUE, Integer.MAX_VALUE,
                    v -> (int) v, Integer.class);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) new Whole<>(nameOf(annotations), Long.MIN_VALUE, Long.MAX_VALUE, v -> v,
                    Long.class);
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
        }
        return "parameter";
    }

    private record Whole<N>(String name, long min, long max, java.util.function.LongFunction<N> box, Class<N> type)
            implements ParamConverter<N> {
        @Override
        public N fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String s = value.strip();
            long n;
            try {
                n = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new BadParameterException(name, "must be a whole number between " + min + " and " + max);
            }
            if (n < min || n > max) {
                throw new BadParameterException(name, "must be a whole number between " + min + " and " + max);
            }
            return box.apply(n);
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }
}
