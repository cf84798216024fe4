package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.minxin.notice.bulletin.BulletinTexts.Slot;
import io.minxin.notice.bulletin.BulletinTexts.Text;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulletinTextsTest {

    @Test
    void unknownKeyIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BulletinTexts.withOverrides(Map.of("titel", "x")))
                .withMessageContaining("unknown bulletin text 'titel'");
    }

    @Test
    void textWithANumberConversionIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BulletinTexts.withOverrides(Map.of("ranking-lead", "共计 %d 家")))
                .withMessageContaining("'ranking-lead' may only use");
    }

    @Test
    void textWithMoreSlotsThanTheComposerFillsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BulletinTexts.withOverrides(Map.of("ranking-lead", "共计 %1$s 家 %2$s")))
                .withMessageContaining("'ranking-lead' has 1 slots");
    }

    @Test
    void columnsMustMatchTheTable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BulletinTexts.withOverrides(Map.of("table-phone-columns", "名次,单位")))
                .withMessageContaining("must name 6 columns");
    }

    @Test
    void percentSignsAndLineBreaksOfTheTextAreKept() {
        BulletinTexts texts = BulletinTexts.withOverrides(Map.of("ranking-lead", "100%% 的 %s 家%n"));

        assertThat(texts.format(Text.RANKING_LEAD, "28")).isEqualTo("100% 的 28 家" + System.lineSeparator());
    }

    @Test
    void slotValuesAreNeverFormattedAgain() {
        BulletinTexts texts = BulletinTexts.defaults();

        String filled = texts.format(Text.RANKING_PHONE, "%s %1$s %n {{x}} ${x} \uE0000\uE001", "5");

        assertThat(filled).startsWith("%s %1$s %n {{x}} ${x} \uE0000\uE001等 5 个单位");
        assertThat(texts.runs(Text.REQUIREMENT_DUTY, Slot.strong("%s"), Slot.plain("3"))
                        .get(1))
                .isEqualTo(new Bulletin.Run("%s", true));
    }

    @Test
    void defaultsAreTheReferenceWording() {
        assertThat(BulletinTexts.defaults().raw("title")).isEqualTo("兴隆台区 8890（民心网）工作 “评优评差”情况通报");
    }
}
