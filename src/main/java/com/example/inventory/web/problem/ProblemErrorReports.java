package com.example.inventory.web.problem;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Tomcat itself answers, before any servlet runs (a malformed request line, an encoded slash): a problem. */
@Configuration(proxyBeanMethods = false)
class ProblemErrorReports {

    @Bean
    TomcatContextCustomizer problemErrorReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }
}
