package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BulletinPropertiesTest {

    @Test
    void boundSettingsOverrideOnlyWhatTheyName() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "minxin.bulletin.issuer.signer", "李四",
                "minxin.bulletin.issuer.send-to[0]", "区内各联网平台单位",
                "minxin.bulletin.texts.requirement-duty", "每个工作日 %1$s 前须登录。")));

        BulletinProperties properties =
                binder.bind("minxin.bulletin", BulletinProperties.class).get();

        BulletinFacts.Issue issue = properties.issuer().issue(2021, 3, 9, LocalDate.of(2021, 4, 2));
        assertThat(issue.signer()).isEqualTo("李四");
        assertThat(issue.header()).isEqualTo("盘锦市兴隆台区营商环境建设局文件");
        assertThat(issue.number()).isEqualTo(new BulletinFacts.DocumentNumber("兴隆营商督字", 2021, 3));
        assertThat(properties.issuer().distribution().sendTo()).containsExactly("区内各联网平台单位");
        assertThat(properties.issuer().distribution().reportTo()).contains("区长");
        assertThat(properties.bulletinTexts().raw("requirement-duty")).isEqualTo("每个工作日 %1$s 前须登录。");
        assertThat(properties.bulletinTexts().raw("title"))
                .isEqualTo(BulletinTexts.defaults().raw("title"));
    }

    @Test
    void nothingSetGivesTheReferenceIssuerAndTexts() {
        BulletinProperties properties = new BulletinProperties(null, null);

        assertThat(properties.issuer()).isEqualTo(BulletinProperties.Issuer.reference());
        assertThat(properties.bulletinTexts()).isSameAs(BulletinTexts.defaults());
    }
}
