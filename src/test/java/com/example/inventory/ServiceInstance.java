package com.example.inventory;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more instance of the whole service in this JVM, on its own port, with its own pool and queues, against the
 * same test database: what a second process is to the first, as far as the database can tell.
 */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on a free port; {@code properties} are {@code name=value} overrides. */
    public static ServiceInstance start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--" + TestIssuer.PUBLIC_KEY));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new ServiceInstance(SpringApplication.from(InventoryApplication::main)
                .with(TestcontainersConfiguration.class).run(args.toArray(String[]::new)).getApplicationContext());
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public WebServer webServer() {
        return ((WebServerApplicationContext) context).getWebServer();
    }

    public HttpApi api() {
        return new HttpApi(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** Stops the instance as SIGTERM would: gracefully, letting in-flight requests finish. */
    @Override
    public void close() {
        context.close();
    }
}
