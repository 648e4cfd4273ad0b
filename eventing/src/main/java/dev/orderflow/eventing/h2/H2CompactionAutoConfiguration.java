package dev.orderflow.eventing.h2;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Compacts the service's H2 file database while it runs, when H2 is on the class path.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.h2.mvstore.MVStore")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(H2CompactionProperties.class)
public class H2CompactionAutoConfiguration {

	@Bean
	H2FileCompaction h2FileCompaction(DataSource dataSource, H2CompactionProperties properties) {
		return new H2FileCompaction(dataSource, properties);
	}

	@Bean
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	H2StoreMetrics h2StoreMetrics(H2FileCompaction h2FileCompaction) {
		return new H2StoreMetrics(h2FileCompaction);
	}

}
