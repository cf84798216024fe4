package io.minxin.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsSettings.class)
class WebConfiguration {

    /**
     * CORS as a web filter rather than the gateway's globalcors: it also covers the key API and lets a browser read
     * the 401/403/429 answers, and answers preflights before the API key is asked for.
     */
    @Bean
    OrderedCorsWebFilter corsWebFilter(CorsSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("X-Api-Key", "Content-Type", "Accept"));
        cors.setExposedHeaders(List.of("Retry-After", "Location"));
        // The key travels in a header, never in cookies.
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new OrderedCorsWebFilter(source);
    }

    static final class OrderedCorsWebFilter extends CorsWebFilter implements Ordered {
        OrderedCorsWebFilter(UrlBasedCorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return FilterOrder.CORS;
        }
    }
}
