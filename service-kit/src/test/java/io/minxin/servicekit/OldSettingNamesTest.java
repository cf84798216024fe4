package io.minxin.servicekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class OldSettingNamesTest {

    @Test
    void oldVariableSetsTheNewPropertyBelowTheNewVariableAndAboveTheApplicationYml() {
        StandardEnvironment environment =
                environmentWith(Map.of("PERIOD_CUT_OFF_DAY", "25", "KAFKA_BOOTSTRAP", "k:9092"));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("application.yml", Map.of("minxin.period.cut-off-day", "0")));

        new OldSettingNames(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("minxin.period.cut-off-day")).isEqualTo("25");
        assertThat(environment.getProperty("minxin.kafka.bootstrap")).isEqualTo("k:9092");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void givenAnOldVariableThenAWarningNamesTheNewVariableToSetInstead(CapturedOutput output) {
        StandardEnvironment environment = environmentWith(Map.of("PERIOD_CUT_OFF_DAY", "25"));
        DeferredLogs logs = new DeferredLogs();

        new OldSettingNames(logs).postProcessEnvironment(environment, new SpringApplication());
        // what Spring Boot does once logging is set up: the warnings kept until then are written
        logs.switchOverAll();

        assertThat(output.getOut().lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("WARN", "PERIOD_CUT_OFF_DAY is deprecated", "set MINXIN_PERIOD_CUT_OFF_DAY instead"));
    }

    @Test
    void newVariableWinsOverTheOldOne() {
        StandardEnvironment environment =
                environmentWith(Map.of("PERIOD_CUT_OFF_DAY", "25", "MINXIN_PERIOD_CUT_OFF_DAY", "20"));

        new OldSettingNames(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("minxin.period.cut-off-day")).isEqualTo("20");
    }

    @Test
    void eachOldNameNamesANewVariableThatIsNotItself() {
        OldSettingNames.RENAMED.forEach((old, property) ->
                assertThat(SettingNames.environmentVariable(property)).as(old).isNotEqualTo(old));
        assertThat(SettingNames.environmentVariable("minxin.period.cut-off-day"))
                .isEqualTo("MINXIN_PERIOD_CUT_OFF_DAY");
    }

    @Test
    void documentedVariableBindsTheSetting() {
        StandardEnvironment environment = environmentWith(Map.of("MINXIN_PERIOD_CUT_OFF_DAY", "25"));

        PeriodSettings settings = Binder.get(environment)
                .bind("minxin.period", PeriodSettings.class)
                .get();

        assertThat(settings.cutOffDay()).isEqualTo(25);
    }

    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }
}
