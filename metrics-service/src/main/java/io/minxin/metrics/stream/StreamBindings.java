package io.minxin.metrics.stream;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.casestate.WorkingDayDeadlines;
import java.util.function.BiFunction;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized.StoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Both stages as one function of the Kafka Streams binder (application id {@code <prefix>-case-state}, see
 * application.yml): case-events ({@code caseState-in-0}) and decisions ({@code caseState-in-1}) to case-state, the
 * dead-letter topic, unit-metrics and unit-daily-metrics. Stage two is fed by stage one in the same task, so no case
 * state is parsed back from case-state.
 */
@Configuration(proxyBeanMethods = false)
class StreamBindings {
    private static final Logger log = LoggerFactory.getLogger(StreamBindings.class);

    @Bean
    CaseFolder caseFolder(MetricsProperties properties, AssessmentPeriod periods) {
        return new CaseFolder(
                periods,
                new WorkingDayDeadlines(WorkingCalendar.china(), properties.defaultWorkingDays()),
                WorkingDayDeadlines.signIn(properties.signInWorkingDays()),
                WorkingDayDeadlines.forwarding(properties.dispatchWorkingDays()));
    }

    @Bean
    BiFunction<KStream<String, byte[]>, KStream<String, byte[]>, KStream<String, ?>[]> caseState(
            CaseFolder folder, MetricsProperties properties, ProcessingListener listener) {
        // in the order of MetricsTopology.OUTPUTS: the binder binds the N-th to caseState-out-N
        return (events, decisions) -> MetricsTopology.stages(
                        events, decisions, folder, properties.maxEventsPerCase(), listener, StoreType.ROCKS_DB)
                .inOrder();
    }

    /**
     * A stream thread that dies of an unexpected error is replaced instead of stopping the application.
     * The binder sets SHUTDOWN_CLIENT on each factory bean just before starting it; a KafkaStreams
     * customizer runs after that, so it has the last word.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceDeadStreamThreads() {
        return factoryBean ->
                factoryBean.setKafkaStreamsCustomizer(kafkaStreams -> kafkaStreams.setUncaughtExceptionHandler(e -> {
                    log.error("stream thread died; replacing it", e);
                    return StreamThreadExceptionResponse.REPLACE_THREAD;
                }));
    }
}
