package io.kubeward.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database: the embedded H2 file database in {@code kubeward.data-dir} unless {@code
 * spring.datasource.url} names another (PostgreSQL), migrated by Flyway before any store is used;
 * see ADR 0008.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PersistenceConfiguration.class);

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DataSourceProperties datasource, PersistenceProperties properties) {
    String url = datasource.getUrl();
    if (url == null || url.isBlank()) {
      url = properties.h2Url();
      log.info("Database: embedded H2 in {}", properties.dataDir());
    } else {
      log.info("Database: {}", url.replaceAll("password=[^&;]*", "password=***"));
    }
    HikariDataSource dataSource =
        datasource.initializeDataSourceBuilder().type(HikariDataSource.class).url(url).build();
    if (url.startsWith("jdbc:h2:")) {
      dataSource.setDriverClassName("org.h2.Driver");
    }
    return dataSource;
  }

  @Bean
  TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
    return new TransactionTemplate(transactions);
  }
}
