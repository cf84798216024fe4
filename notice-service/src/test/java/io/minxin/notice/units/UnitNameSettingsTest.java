package io.minxin.notice.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class UnitNameSettingsTest {

    @Test
    void applicationYmlShortensTheEnforcementBureauByItsAlias() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        ConfigurationPropertySources.attach(environment);

        UnitNames names = Binder.get(environment)
                .bind("minxin.notice.unit-names", UnitNameSettings.class)
                .get()
                .unitNames();

        assertThat(names.shortName("盘锦市兴隆台区城市管理综合行政执法局", "x")).isEqualTo("综合执法局");
        assertThat(names.shortName("盘锦市兴隆台区振兴街道办事处", "x")).isEqualTo("振兴街道");
    }
}
