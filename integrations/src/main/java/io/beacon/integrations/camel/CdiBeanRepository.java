package io.beacon.integrations.camel;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Map;
import java.util.Set;

/**
 * Lets routes call CDI beans by their {@code @Named} name ({@code .bean("trapNormalisation",
 * "normalise")}), as camel-cdi did before Camel 4 dropped it. Only names: Camel's look-ups by type
 * find nothing here, so no CDI bean becomes part of Camel's own configuration by accident.
 */
final class CdiBeanRepository implements org.apache.camel.spi.BeanRepository {
    private final BeanManager beans;

    CdiBeanRepository(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public Object lookupByName(String name) {
        Set<Bean<?>> named = beans.getBeans(name);
        if (named.isEmpty()) {
            return null;
        }
        Bean<?> bean = beans.resolve(named);
        return beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean));
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        Object found = lookupByName(name);
        return type.isInstance(found) ? type.cast(found) : null;
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        return Map.of();
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        return Set.of();
    }
}
