package io.minxin.ranking.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRow;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.ReferenceBulletin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The defaults shipped in application.yml, bound as the service binds them (no application context). */
class DefaultPoliciesTest {

    @Test
    void shippedPhoneDefaultReproducesTable1() {
        Ranking ranking = RankingEngine.rank(shipped(Channel.PHONE), ReferenceBulletin.phoneUnits());

        assertThat(ranking.rows().subList(0, 5)).extracting(RankingRow::unitId).isEqualTo(ReferenceBulletin.TABLE_1);
    }

    @Test
    void shippedWebDefaultReproducesTable2WithItsScores() {
        Ranking ranking = RankingEngine.rank(shipped(Channel.WEB), ReferenceBulletin.webUnits());

        List<RankingRow> top = ranking.rows().subList(0, 5);
        assertThat(top).extracting(RankingRow::unitId).isEqualTo(ReferenceBulletin.TABLE_2);
        assertThat(top).extracting(RankingRow::total).isEqualTo(ReferenceBulletin.TABLE_2_TOTAL);
    }

    @Test
    void shippedDefaultsAreVersionOneOfTheirChannel() {
        RankingPolicy phone = shipped(Channel.PHONE);

        assertThat(phone.id()).isEqualTo("phone-ranking");
        assertThat(phone.version()).isEqualTo(1);
        assertThat(phone.top()).isEqualTo(5);
        assertThat(phone.tieBreaks()).containsExactly(RankingPolicy.TieBreak.RECEIVED);
    }

    /** A default goes through the same validation as an operator's policy before it is used. */
    static RankingPolicy shipped(Channel channel) {
        Binder binder = new Binder(ConfigurationPropertySources.from(applicationYml()));
        PolicyDefaults shipped =
                binder.bind("minxin.ranking", PolicyDefaults.class).get();
        return Policies.asDefault(channel, shipped.policies().get(channel));
    }

    private static PropertySource<?> applicationYml() {
        try {
            return new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))
                    .get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
