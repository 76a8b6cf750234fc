package io.beacon.ticket.persistence;

import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;

/**
 * Hibernate's beans (Hibernate Search's mapping and analysis configurers) made by their no-argument
 * constructors. Without it, Hibernate asks Liberty's CDI container, which is not ready while the
 * persistence unit starts, and Hibernate Search fails to boot ("CDI BeanManager not (yet) ready to
 * use"). Beacon's Hibernate beans need no injection.
 */
public class ReflectionBeanContainer implements BeanContainer {
    @Override
    public <B> ContainedBean<B> getBean(Class<B> beanType, LifecycleOptions lifecycleOptions,
            BeanInstanceProducer fallbackProducer) {
        B bean = fallbackProducer.produceBeanInstance(beanType);
        return () -> bean;
    }

    @Override
    public <B> ContainedBean<B> getBean(String name, Class<B> beanType, LifecycleOptions lifecycleOptions,
            BeanInstanceProducer fallbackProducer) {
        B bean = fallbackProducer.produceBeanInstance(name, beanType);
        return () -> bean;
    }

    @Override
    public void stop() {
        // nothing held
    }
}
