package dev.replication.data;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

/**
 * Registers the {@link RepositoryRoutingPostProcessor} with every Spring Data repository factory
 * bean, whatever the store (JPA, JDBC, ...), before it creates its repository.
 */
public final class RepositoryFactoryRoutingCustomizer implements BeanPostProcessor {

	private final RepositoryRoutingPostProcessor postProcessor = new RepositoryRoutingPostProcessor();

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean) {
			factoryBean.addRepositoryFactoryCustomizer(
					(factory) -> factory.addRepositoryProxyPostProcessor(this.postProcessor));
		}
		return bean;
	}

}
