package io.minxin.metrics.stream;

import io.minxin.events.EventJson;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.unitrates.UnitDay;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * JSON serdes of the values on the published topics, written with the contract's mapper. The
 * nested classes have no-argument constructors so the binder can be given them by class name.
 */
public final class JsonSerdes {

    public static class CaseStateSerde extends Serdes.WrapperSerde<CaseState> {
        public CaseStateSerde() {
            super(new JsonSerializer<>(), new JsonDeserializer<>(CaseState.class));
        }
    }

    public static class UnitMetricsSerde extends Serdes.WrapperSerde<UnitMetrics> {
        public UnitMetricsSerde() {
            super(new JsonSerializer<>(), new JsonDeserializer<>(UnitMetrics.class));
        }
    }

    public static class UnitDaySerde extends Serdes.WrapperSerde<UnitDay> {
        public UnitDaySerde() {
            super(new JsonSerializer<>(), new JsonDeserializer<>(UnitDay.class));
        }
    }

    static final class JsonSerializer<T> implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            return data == null ? null : EventJson.mapper().writeValueAsBytes(data);
        }
    }

    static final class JsonDeserializer<T> implements Deserializer<T> {
        private final Class<T> type;

        JsonDeserializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public T deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            try {
                return EventJson.mapper().readValue(data, type);
            } catch (JacksonException e) {
                throw new SerializationException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
    }

    private JsonSerdes() {}
}
