package io.minxin.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minxin.gateway.cors.*}: browser origins of dashboards allowed to call {@code /api/**}.
 *
 * @param allowedOrigins exact origins, e.g. {@code http://localhost:3000}; empty allows none
 */
@ConfigurationProperties("minxin.gateway.cors")
record CorsSettings(@DefaultValue("http://localhost:3000") List<String> allowedOrigins) {
    CorsSettings {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }
}
