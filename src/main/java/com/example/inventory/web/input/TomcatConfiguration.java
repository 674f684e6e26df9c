package com.example.inventory.web.input;

import org.apache.catalina.connector.Connector;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Tomcat reads a request, before any servlet runs, and what a slow client can hold while it sends one. */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /**
     * A client that sends {@code Expect: 100-continue} is told to go on only once the service reads the body: a body
     * refused from its headers alone (over the size limit, a malformed query) is then never sent at all.
     */
    @Bean
    TomcatConnectorCustomizer continueOnlyWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    @Bean
    ProbeConnector probeConnector(SlowClientSettings settings) {
        Integer port = settings.probes().port();
        return new ProbeConnector(port == null ? null
                : probes(port, settings.probes().maxConnections(), settings.requestHeadTimeout().toMillis()));
    }

    /**
     * Every connector reads request heads against a deadline ({@link HeadDeadlineProtocol}); the probe connector, if
     * configured, is added beside the service's own.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestHeadDeadline(SlowClientSettings settings,
                                                                                  ProbeConnector probes) {
        return factory -> {
            factory.setProtocol(HeadDeadlineProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> connector.setProperty("headTimeout",
                    Long.toString(settings.requestHeadTimeout().toMillis())));
            if (probes.connector() != null) {
                factory.addAdditionalConnectors(probes.connector());
            }
        };
    }

    /**
     * A connector for orchestrator probes: few connections, one request each (so a probe never holds a slot once it
     * is answered), short waits, virtual threads; {@link ProbePortFilter} serves it the health endpoints only.
     */
    private static Connector probes(int port, int maxConnections, long headTimeoutMillis) {
        Connector connector = new Connector(HeadDeadlineProtocol.class.getName());
        connector.setPort(port);
        connector.setProperty("maxConnections", Integer.toString(maxConnections));
        connector.setProperty("acceptCount", Integer.toString(maxConnections));
        connector.setProperty("connectionTimeout", "5000");
        connector.setProperty("keepAliveTimeout", "5000");
        connector.setProperty("maxKeepAliveRequests", "1");
        connector.setProperty("useVirtualThreads", "true");
        connector.setProperty("headTimeout", Long.toString(headTimeoutMillis));
        connector.setProperty("continueResponseTiming", "onRead");
        return connector;
    }

    /** The probe connector, or none. */
    record ProbeConnector(@Nullable Connector connector) {

        /** Whether {@code localPort} (where a request arrived) is the probe connector's. */
        boolean serves(int localPort) {
            return connector != null && connector.getLocalPort() == localPort;
        }
    }
}
