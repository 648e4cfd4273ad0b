package dev.orderflow.eventing.overload;

import com.zaxxer.hikari.HikariDataSource;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives a servlet service that uses a Hikari pool the short wait for a connection on
 * request threads ({@link RequestConnectionWait}) and its 503 answer
 * ({@link DatabaseBusyProblem}), documented in the OpenAPI document where there is one.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HikariDataSource.class)
@EnableConfigurationProperties(DatabaseWaitProperties.class)
public class OverloadAutoConfiguration {

	/**
	 * Wraps the pool as it is created, so every user of the DataSource gets the wrapper.
	 */
	@Bean
	static BeanPostProcessor requestConnectionWait(ObjectProvider<DatabaseWaitProperties> properties) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof HikariDataSource pool)
						? new RequestConnectionWait(pool, properties.getObject().maxWait()) : bean;
			}
		};
	}

	@Bean
	DatabaseBusyProblem databaseBusyProblem(DatabaseWaitProperties properties) {
		return new DatabaseBusyProblem(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenApiCustomizer.class)
	static class Documentation {

		@Bean
		DatabaseBusyDocumentation databaseBusyDocumentation(DatabaseWaitProperties properties) {
			return new DatabaseBusyDocumentation(properties);
		}

	}

}
