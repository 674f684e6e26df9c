package com.example.inventory.web.input;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Tomcat reads a request, before any servlet runs. */
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
}
