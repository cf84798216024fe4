package io.minxin.console.web;

import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webflux.autoconfigure.WebFluxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveView;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveViewResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The two things the console does that read files, moved off the Netty event loop (which serves every other
 * connection) onto {@code boundedElastic}; BlockHound fails a test that does either on an event loop.
 *
 * <ul>
 *   <li>Pages: Thymeleaf reads a template file (and its own settings, on the first render) the first time a page or
 *       fragment is asked for, before its cache holds it, and evaluates a few thousand expressions for the month page.
 *       Boot's view resolver is kept (its settings mapped from {@code spring.thymeleaf.*}); only the class of the
 *       views it makes changes.
 *   <li>Static files (the console's CSS and scripts, the htmx and ECharts WebJars): in the runnable jar they are jar
 *       entries, which Spring serves by reading an {@code InputStream} chunk by chunk on whichever thread asks for the
 *       next chunk (spring-framework issue 27135), and the WebJar locator reads each WebJar's {@code pom.properties}
 *       the first time.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OffTheEventLoop {

    @Bean
    static BeanPostProcessor pagesRenderedOffTheEventLoop() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafReactiveViewResolver resolver) {
                    resolver.setViewClass(OffEventLoopView.class);
                }
                return bean;
            }
        };
    }

    /** Before Spring Security's filters, so that the whole exchange of a static file starts on boundedElastic. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter staticFilesReadOffTheEventLoop(WebFluxProperties webFlux) {
        List<PathPattern> staticFiles = List.of(
                PathPatternParser.defaultInstance.parse(webFlux.getStaticPathPattern()),
                PathPatternParser.defaultInstance.parse(webFlux.getWebjarsPathPattern()));
        return (exchange, chain) -> {
            var path = exchange.getRequest().getPath().pathWithinApplication();
            if (staticFiles.stream().noneMatch(pattern -> pattern.matches(path))) {
                return chain.filter(exchange);
            }
            var offLoop = exchange.mutate()
                    .response(new BodyReadOffTheEventLoop(exchange.getResponse()))
                    .build();
            return chain.filter(offLoop).subscribeOn(Schedulers.boundedElastic());
        };
    }

    /**
     * Reads the body on boundedElastic, each next chunk included: reactor-netty asks for more from its event loop as
     * earlier chunks are written, and {@code subscribeOn} carries those requests over to its worker.
     */
    private static final class BodyReadOffTheEventLoop extends ServerHttpResponseDecorator {
        BodyReadOffTheEventLoop(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return super.writeWith(Flux.from(body).subscribeOn(Schedulers.boundedElastic()));
        }
    }

    /**
     * Made by the view resolver for each view name. Both steps of a render that touch the engine start on
     * boundedElastic: the first (the engine's settings, read once) and the template's processing, which otherwise runs
     * on whichever thread completed the model's last asynchronous value (an event loop, or the parallel scheduler of a
     * timeout).
     */
    static class OffEventLoopView extends ThymeleafReactiveView {
        @Override
        public Mono<Void> render(Map<String, ?> model, MediaType contentType, ServerWebExchange exchange) {
            return Mono.defer(() -> super.render(model, contentType, exchange))
                    .subscribeOn(Schedulers.boundedElastic());
        }

        @Override
        protected Mono<Void> renderInternal(
                Map<String, Object> model, MediaType contentType, ServerWebExchange exchange) {
            return Mono.defer(() -> super.renderInternal(model, contentType, exchange))
                    .subscribeOn(Schedulers.boundedElastic());
        }
    }
}
