package io.minxin.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The console: server-rendered pages for the people who run the month, behind the gateway. It holds no data and no
 * power of its own: every page reads the gateway's API with the identity token the request came with.
 */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleSettings.class)
public class ConsoleApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
