package io.minxin.notice.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.UnitRegistered;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.MutableClock;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.web.TestClients;
import io.minxin.servicekit.registry.UnitRegistry;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class NoticeControllerTest {
    private static final Instant JAN = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2020-06-01T00:00:00Z");
    private static final Caller OPERATOR = new Caller("op", Role.OPERATOR, Scope.ALL);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2020-10-01T00:00:00Z"));
    private final Notices notices =
            new Notices(new NoticeStore(mongo.database(), clock), List.of(), new SimpleMeterRegistry(), clock);
    private final UnitRegistry registry = new UnitRegistry(clock);

    @BeforeEach
    void twoDistrictsAndAUnitThatMovedInJune() {
        registry.register(new UnitRegistered("road", "路政所", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("water", "供水所", "211102", "双台子区", JAN));
        registry.register(new UnitRegistered("water", "供水所", "211103", "兴隆台区", JUN));
        emit("a|road|05", "road", Instant.parse("2020-05-10T02:00:00Z"));
        emit("a|water|05", "water", Instant.parse("2020-05-10T02:00:00Z"));
        emit("a|water|07", "water", Instant.parse("2020-07-10T02:00:00Z"));
        notices.emit(Notice.builder(NoticeType.BULLETIN_ISSUED, "bulletin|2020-05", JUN)
                        .title("通报")
                        .text("通报")
                        .build())
                .block();
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void givenAJurisdictionThenTheNoticesOfUnitsThatBelongedToItWhenTheFactOccurred() {
        assertThat(ids(client(OPERATOR), "?jurisdiction=211103")).containsExactly("a|road|05", "a|water|07");
        assertThat(ids(client(OPERATOR), "?jurisdiction=211102")).containsExactly("a|water|05");
        assertThat(ids(client(OPERATOR), "")).hasSize(4);
    }

    @Test
    void givenAJurisdictionAndAUnitThenBothApply() {
        assertThat(ids(client(OPERATOR), "?jurisdiction=211103&unitId=water")).containsExactly("a|water|07");
    }

    @Test
    void givenAJurisdictionNoRegistrationNamesThenNotFound() {
        client(OPERATOR)
                .get()
                .uri("/api/v1/notices?jurisdiction=999999")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
    }

    @Test
    void givenAJurisdictionScopedCallerThenItsUnitsNowOnly() {
        Caller district = new Caller("d", Role.DASHBOARD, Scope.jurisdiction("211102"));
        Caller xinglongtai = new Caller("x", Role.DASHBOARD, Scope.jurisdiction("211103"));

        assertThat(ids(client(district), "")).as("water moved out in June").isEmpty();
        assertThat(ids(client(xinglongtai), "")).containsExactly("a|road|05", "a|water|05", "a|water|07");
    }

    private WebTestClient client(Caller caller) {
        return TestClients.of(new NoticeController(notices, new UnitAccess(registry), registry), caller);
    }

    private void emit(String id, String unitId, Instant at) {
        notices.emit(Notice.builder(NoticeType.PUSHBACK_ALERT, id, at)
                        .period("2020-05")
                        .unit(unitId, unitId)
                        .title("退件")
                        .text("退件")
                        .build())
                .block();
    }

    private static List<String> ids(WebTestClient client, String query) {
        return client
                .get()
                .uri("/api/v1/notices" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Notice.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(Notice::id)
                .toList();
    }
}
