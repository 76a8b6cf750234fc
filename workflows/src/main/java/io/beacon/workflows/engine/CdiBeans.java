package io.beacon.workflows.engine;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.AbstractMap;
import java.util.Set;

/**
 * The engine's "beans" map, backed by CDI: an expression such as {@code ${changeSteps.schedule(execution)}}
 * resolves the {@code @Named("changeSteps")} bean. Only names are resolved, never enumerated.
 */
final class CdiBeans extends AbstractMap<Object, Object> {
    private final BeanManager beanManager;

    CdiBeans(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String s && !beanManager.getBeans(s).isEmpty();
    }

    @Override
    public Object get(Object name) {
        if (!(name instanceof String s)) {
            return null;
        }
        Set<Bean<?>> beans = beanManager.getBeans(s);
        if (beans.isEmpty()) {
            return null;
        }
        Bean<?> bean = beanManager.resolve(beans);
        return beanManager.getReference(bean, Object.class, beanManager.createCreationalContext(bean));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();
    }
}
