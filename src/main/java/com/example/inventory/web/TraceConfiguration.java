package com.example.inventory.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * TRACE is answered like any other method a path does not map: 405 {@code method-not-allowed} with the path's own
 * {@code Allow}. By default Tomcat refuses TRACE before any servlet runs, with an {@code Allow} that lists what the
 * servlet class implements (PUT, DELETE, …) rather than what the path accepts; and a servlet that lets TRACE through
 * echoes the request back, headers included. So Tomcat lets it through, and the dispatcher never echoes.
 */
@Configuration(proxyBeanMethods = false)
class TraceConfiguration {

    @Bean
    TomcatConnectorCustomizer traceReachesTheDispatcher() {
        return connector -> connector.setAllowTrace(true);
    }

    /** Spring Boot's dispatcher servlet, set up from the same properties, but with TRACE mapped like any method. */
    @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
    DispatcherServlet dispatcherServlet(WebMvcProperties webMvc) {
        DispatcherServlet servlet = new NoEchoDispatcherServlet();
        servlet.setDispatchOptionsRequest(webMvc.isDispatchOptionsRequest());
        servlet.setPublishEvents(webMvc.isPublishRequestHandledEvents());
        servlet.setEnableLoggingRequestDetails(webMvc.isLogRequestDetails());
        return servlet;
    }

    private static final class NoEchoDispatcherServlet extends DispatcherServlet {

        @Override
        protected void doTrace(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            processRequest(request, response);
        }
    }
}
