package io.minxin.events.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.EventJson;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditEntryTest {
    private static final Caller OPERATOR = new Caller("op01", Role.OPERATOR, Scope.ALL);
    private static final Instant AT = Instant.parse("2020-10-06T02:00:00Z");

    record SubscriptionChange(String name, String kind, String url, String secret, List<String> types) {}

    @Test
    void givenAnAction_whenBuilt_thenItNamesTheActorTheActionAndTheTarget() {
        AuditEntry entry = AuditEntry.of(
                OPERATOR,
                AT,
                "ranking-service",
                AuditAction.PERIOD_CLOSE,
                AuditTargets.period("2020-09"),
                Map.of("revisions", List.of("2020-09|PHONE|1")),
                "closed period 2020-09");

        assertThat(entry.id()).isNotBlank();
        assertThat(entry.actorKeyId()).isEqualTo("op01");
        assertThat(entry.actorRole()).isEqualTo(Role.OPERATOR);
        assertThat(entry.action()).isEqualTo("period.close");
        assertThat(entry.target()).isEqualTo("period:2020-09").isEqualTo(entry.key());
        assertThat(entry.change().path("revisions").get(0).asString()).isEqualTo("2020-09|PHONE|1");
    }

    @Test
    void givenTwoEntriesOfOneAction_whenBuilt_thenTheirIdsDiffer() {
        AuditEntry first = AuditEntry.of(OPERATOR, AT, "s", AuditAction.KEY_REVOKE, "key:a", null, "");
        AuditEntry second = AuditEntry.of(OPERATOR, AT, "s", AuditAction.KEY_REVOKE, "key:a", null, "");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.change().isEmpty()).isTrue();
    }

    @Test
    void givenAnEntry_whenWrittenAndRead_thenItIsTheSameWithTheRoleByItsWireName() {
        AuditEntry entry = AuditEntry.of(
                OPERATOR,
                AT,
                "notice-service",
                AuditAction.BULLETIN_ISSUE,
                AuditTargets.bulletin("2020-09"),
                Map.of("number", "兴隆营商督字〔2020〕7号", "sequence", 5),
                "issued the bulletin of 2020-09");

        byte[] bytes = entry.toBytes();
        JsonNode json = EventJson.mapper().readTree(bytes);

        assertThat(json.path("actorRole").asString()).isEqualTo("operator");
        assertThat(json.path("at").asString()).isEqualTo("2020-10-06T02:00:00Z");
        assertThat(json.path("action").asString()).isEqualTo("bulletin.issue");
        assertThat(AuditEntry.fromBytes(bytes)).isEqualTo(entry);
    }

    @Test
    void givenAnEntryWithAnActionThisReaderDoesNotKnow_whenRead_thenItIsKept() {
        String json = """
                {"id":"1","at":"2021-01-01T00:00:00Z","actorKeyId":"op01","actorRole":"operator",
                 "service":"gateway","action":"account.lock","target":"account:7","change":{"a":1},
                 "summary":"locked","future":true}""";

        AuditEntry entry = AuditEntry.fromBytes(json.getBytes(StandardCharsets.UTF_8));

        assertThat(entry.action()).isEqualTo("account.lock");
        assertThat(AuditAction.fromWireName(entry.action())).isEmpty();
    }

    @Test
    void givenBytesThatAreNoEntry_whenRead_thenTheErrorSaysSo() {
        assertThatThrownBy(() -> AuditEntry.fromBytes("{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an audit entry");
    }

    @Test
    void givenAWebhookWithASecretAndARobotToken_whenAudited_thenNeitherIsInTheEntry() {
        String token = "0123456789abcdef0123456789abcdef";
        SubscriptionChange change = new SubscriptionChange(
                "duty office",
                "WECOM",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + token,
                "hmac-secret-value",
                List.of());

        AuditEntry entry = AuditEntry.of(
                OPERATOR,
                AT,
                "notice-service",
                AuditAction.SUBSCRIPTION_CREATE,
                AuditTargets.subscription("s1"),
                change,
                "subscribed https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + token);

        String json = new String(entry.toBytes(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(token).doesNotContain("hmac-secret-value");
        assertThat(entry.change().path("url").asString())
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***");
        assertThat(entry.change().path("secret").asString()).isEqualTo("***");
        assertThat(entry.summary()).isEqualTo("subscribed https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***");
    }

    @Test
    void givenAnApiKeyAnywhere_whenMasked_thenItsIdStaysAndItsSecretGoes() {
        String key = "mx_0a1b2c3d4e5f6789_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abc";
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("issued", key);
        change.put("note", "handed " + key + " to the district");
        change.put("apiKey", key);

        JsonNode masked = AuditMasking.change(EventJson.mapper().valueToTree(change));

        assertThat(masked.path("issued").asString()).isEqualTo("mx_0a1b2c3d4e5f6789_***");
        assertThat(masked.path("note").asString()).isEqualTo("handed mx_0a1b2c3d4e5f6789_*** to the district");
        assertThat(masked.path("apiKey").asString()).isEqualTo("***");
    }

    @Test
    void givenSecretsNestedInArraysAndObjects_whenMasked_thenEachIsMaskedAndAnAbsentSecretStaysNull() {
        String json = """
                {"before":{"password":"p","token":null,"robots":[{"access_token":"t"},
                 {"url":"https://user:pw@oapi.dingtalk.com/robot/send?access_token=t&timestamp=1#frag"}]},
                 "count":3,"enabled":true}""";

        JsonNode masked = AuditMasking.change(EventJson.mapper().readTree(json));

        assertThat(masked.path("before").path("password").asString()).isEqualTo("***");
        assertThat(masked.path("before").path("token").isNull()).isTrue();
        assertThat(masked.path("before")
                        .path("robots")
                        .get(0)
                        .path("access_token")
                        .asString())
                .isEqualTo("***");
        assertThat(masked.path("before").path("robots").get(1).path("url").asString())
                .isEqualTo("https://***@oapi.dingtalk.com/robot/send?access_token=***&timestamp=***#***");
        assertThat(masked.path("count").asInt()).isEqualTo(3);
        assertThat(masked.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void givenAUrlWithoutQueryOrUserInfo_whenMasked_thenItIsKeptAsItIs() {
        assertThat(AuditMasking.text("posted to https://hooks.example.org/minxin/notices"))
                .isEqualTo("posted to https://hooks.example.org/minxin/notices");
    }

    @Test
    void givenEveryAction_whenLookedUpByItsWireName_thenItIsFound() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.fromWireName(action.wireName())).contains(action);
        }
        assertThat(AuditAction.values())
                .extracting(AuditAction::wireName)
                .containsExactly(
                        "period.close",
                        "revision.publish",
                        "policy.change",
                        "key.issue",
                        "key.revoke",
                        "account.open",
                        "account.sign-in",
                        "subscription.create",
                        "subscription.delete",
                        "bulletin.issue",
                        "pushback.rule",
                        "dispute.file",
                        "dispute.decide",
                        "case.exclude",
                        "bulletin.edit",
                        "bulletin.correct",
                        "letter.acknowledge",
                        "rankings.recompute");
    }
}
