package com.example.inventory.stock.fault;

import com.example.inventory.stock.StockSettings;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Lock waits: every pool connection waits at most {@code inventory.deduction.lock-timeout} for any lock, set once when the
 * connection is opened ({@code SET lock_timeout}): a row lock of an order, a reservation's row, a unique key that
 * a concurrent claim holds. A longer wait fails with SQLSTATE 55P03, which the service answers with 503
 * {@code contention} and nothing changed. Setting it per connection instead of per transaction saves every
 * transaction a round trip.
 */
@Configuration(proxyBeanMethods = false)
class LockTimeoutConfiguration {

    /** Static: a post-processor must not wait for the configuration class (nor its settings bean) to exist. */
    @Bean
    static BeanPostProcessor lockTimeoutOnEveryConnection(Environment environment) {
        StockSettings settings = Binder.get(environment).bindOrCreate("inventory.deduction", StockSettings.class);
        String setLockTimeout = "SET lock_timeout = '" + settings.lockTimeoutSetting() + "'";
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionInitSql(setLockTimeout);
                }
                return bean;
            }
        };
    }

    /**
     * Plain JDBC reports a lock timeout (SQLSTATE 55P03) as the lock failure it is, as Hibernate does: by
     * PostgreSQL's error codes. The default translator knows only SQLSTATE classes, and class 55 is none of them.
     */
    @Bean
    static BeanPostProcessor jdbcErrorCodes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcTemplate jdbc && jdbc.getDataSource() != null) {
                    jdbc.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(jdbc.getDataSource()));
                }
                return bean;
            }
        };
    }
}
