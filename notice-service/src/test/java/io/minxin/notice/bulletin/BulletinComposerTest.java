package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Run;
import io.minxin.notice.bulletin.Bulletin.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulletinComposerTest {

    private final BulletinComposer composer = BulletinComposer.withDefaultTexts();

    @Test
    void referenceMonthHasTheReferenceStructure() {
        Bulletin bulletin = composer.compose(ReferenceMonth.facts());

        assertThat(bulletin.masthead())
                .isEqualTo(new Bulletin.Masthead("盘锦市兴隆台区营商环境建设局文件", "兴隆营商督字〔2020〕7号", "签发人：", "王兴江"));
        assertThat(bulletin.body().stream().filter(Bulletin.Heading.class::isInstance))
                .extracting(block -> ((Bulletin.Heading) block).text())
                .containsExactly("一、基本情况", "二、“评优评差”情况", "三、工作要求");
        assertThat(tables(bulletin))
                .extracting(Table::caption)
                .containsExactly("表一：“五佳”基层承办单位（话务端）", "表二：“五佳”基层承办单位（网络端）", "表三：“较差”承办诉求件");
        assertThat(items(bulletin)).extracting(Item::number).containsExactly(1, 2, 3, 4, 5, 1, 2, 3);
    }

    @Test
    void dutyTimeIsEmphasisedLikeTheReference() {
        Item duty = items(composer.compose(ReferenceMonth.facts())).get(7);

        assertThat(duty.runs())
                .containsExactly(
                        new Run("区工作站于每个工作日 ", false),
                        new Run("16:00", true),
                        new Run(" 统计各单位登录值守情况，如到时还未登录的就默认为该单位未登录，每个月超过 3 天未登录的，以提示函的方式发到相关单位。", false));
    }

    @Test
    void targetsAndDutyRuleComeFromTheFacts() {
        BulletinFacts facts = ReferenceMonth.facts();
        BulletinFacts stricter = new BulletinFacts(
                facts.period(),
                facts.from(),
                facts.to(),
                facts.issue(),
                facts.overview(),
                facts.phoneTop(),
                facts.webTop(),
                facts.poorCases(),
                facts.explanations(),
                new BulletinFacts.Targets(0.975, 0.96, 1.0, LocalTime.of(15, 30), 2),
                facts.distribution());

        List<Item> items = items(composer.compose(stricter));

        assertThat(items.get(5).text()).contains("分别不低于 97.5%、96%、100%。");
        assertThat(items.get(7).text()).contains("每个工作日 15:30 统计").contains("超过 2 天未登录");
    }

    @Test
    void monthWithoutRankedUnitsOrPoorCasesSaysSoAndHasNoTables() {
        BulletinFacts facts = new BulletinFacts(
                YearMonth.of(2021, 2),
                LocalDate.of(2021, 1, 26),
                LocalDate.of(2021, 2, 25),
                BulletinProperties.Issuer.reference().issue(2021, 2, 10, LocalDate.of(2021, 3, 2)),
                new BulletinFacts.Overview(0, 0, null, null, null, null),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                new BulletinFacts.Targets(0.95, 0.95, 1.0, LocalTime.of(16, 0), 3),
                new BulletinFacts.Distribution(List.of(), List.of("区内各联网平台单位"), "区营商环境建设局办公室"));

        Bulletin bulletin = composer.compose(facts);

        assertThat(tables(bulletin)).isEmpty();
        assertThat(paragraphs(bulletin))
                .contains("现将本年度 2 月份（1 月 26 日—2 月 25 日）", "共受理有效诉求 0 件。办结率 —、及时办结率 —、满意率 —、优秀率 —。")
                .contains("话务端本月无“五佳”承办单位；网络端本月无“五佳”承办单位；本月无办理“较差”诉求件。")
                .doesNotContain("“较差”承办诉求件相关情况说明");
        assertThat(bulletin.masthead().documentNumber()).isEqualTo("兴隆营商督字〔2021〕2号");
        assertThat(bulletin.subtitle()).isEqualTo("（第10期）");
        assertThat(bulletin.imprint().distribution()).containsExactly("送：区内各联网平台单位。");
        assertThat(bulletin.imprint().issuedOn()).isEqualTo("2021 年 3 月 2 日印发");
    }

    @Test
    void missingRateIsADashInBothTableStyles() {
        BulletinFacts facts =
                ReferenceMonth.facts(List.of(ReferenceMonth.phone(1, "盘锦市兴隆台区工信局", 1.0, null, 0.5, 0.0)), List.of());

        Table phone = tables(composer.compose(facts)).get(0);

        assertThat(phone.rows()).containsExactly(List.of("1", "盘锦市兴隆台区工信局", "100%", "—", "50%", "0%"));
    }

    @Test
    void overriddenTextsReplaceTheReferenceWording() {
        BulletinComposer custom = new BulletinComposer(BulletinTexts.withOverrides(Map.of(
                "title", "某区 12345 热线工作通报",
                "requirement-reminder", " ",
                "overview", "%2$s 月：受理 %3$s 件，满意率 %6$s。")));

        Bulletin bulletin = custom.compose(ReferenceMonth.facts());

        assertThat(bulletin.title()).isEqualTo("某区 12345 热线工作通报");
        assertThat(paragraphs(bulletin)).contains("9 月：受理 1316 件，满意率 97.55%。");
        assertThat(items(bulletin).subList(5, 7))
                .extracting(Item::number, item -> item.text().substring(0, 4))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "单月满意"), org.assertj.core.groups.Tuple.tuple(2, "区工作站"));
    }

    private static List<Table> tables(Bulletin bulletin) {
        return of(bulletin, Table.class);
    }

    private static List<Item> items(Bulletin bulletin) {
        return of(bulletin, Item.class);
    }

    private static String paragraphs(Bulletin bulletin) {
        return String.join(
                "\n",
                of(bulletin, Paragraph.class).stream().map(Paragraph::text).toList());
    }

    private static <T extends Block> List<T> of(Bulletin bulletin, Class<T> type) {
        return bulletin.body().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
