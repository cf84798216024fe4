package io.minxin.notice.letters;

import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.Bulletin.Addressee;
import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Closing;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Run;
import io.minxin.notice.bulletin.BulletinProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A 提示函 as a 公文 (下行文) in the bulletin's layout: 版头 with the centred 发文字号, title, 主送 the unit, the missed
 * days, the rule and what the unit is asked to do, 落款 and date, 版记.
 */
final class LetterComposer {
    private final BulletinProperties.Issuer issuer;
    private final LetterSettings settings;

    LetterComposer(BulletinProperties.Issuer issuer, LetterSettings settings) {
        this.issuer = issuer;
        this.settings = settings;
    }

    /** 兴隆营商提示〔2020〕3号: the year of the letter's month, its number among that year's letters. */
    String documentNumber(DutyLetter letter, int number) {
        return settings.numberPrefix() + "〔" + letter.month().getYear() + "〕" + number + "号";
    }

    Bulletin compose(DutyLetter letter, int number) {
        String month = letter.month().getYear() + "年" + letter.month().getMonthValue() + "月";
        String time = letter.checkTime();
        String days = letter.missedDays().stream()
                .map(day -> day.getMonthValue() + "月" + day.getDayOfMonth() + "日")
                .collect(Collectors.joining("、"));
        List<Block> body = new ArrayList<>();
        body.add(new Addressee(letter.unitName() + "："));
        body.add(paragraph(
                "经统计，贵单位" + month + "已有" + letter.missedDays().size() + "个工作日截至" + time + "未登录8890（民心网）平台值守，分别是："));
        // the days on a line of their own: a word processor may break a line inside "9月14日" anywhere in a sentence
        body.add(paragraph(days + "。"));
        body.add(paragraph("按照《兴隆台区8890（民心网）平台诉求办理评优、评差工作实施方案》，区工作站于每个工作日" + time
                + "统计各单位登录值守情况，到时仍未登录的，即视为该单位当日未登录；每个月超过" + letter.toleratedDays()
                + "天未登录的，以提示函的方式发到相关单位。"));
        body.add(paragraph("请贵单位高度重视，明确专人负责8890（民心网）平台值守，确保每个工作日" + time + "前登录平台，及时签收、办理群众诉求。收到本函后，请通过平台确认签收。"));
        body.add(paragraph("特此提示。"));
        body.add(new Closing(issuer.office(), date(letter.issueDate())));
        List<String> distribution =
                settings.copyTo().isEmpty() ? List.of() : List.of("抄送：" + String.join("，", settings.copyTo()) + "。");
        return new Bulletin(
                letter.month(),
                letter.issueDate(),
                issuer.office(),
                new Bulletin.Masthead(issuer.header(), documentNumber(letter, number), "", ""),
                // one line of 2号: the addressee below names the unit, the text the month
                "关于加强8890（民心网）平台值守的提示函",
                "",
                body,
                new Bulletin.Imprint(
                        distribution,
                        issuer.issuingOffice(),
                        letter.issueDate().getYear() + " 年 "
                                + letter.issueDate().getMonthValue() + " 月 "
                                + letter.issueDate().getDayOfMonth() + " 日印发"));
    }

    private static Paragraph paragraph(String text) {
        return new Paragraph(List.of(new Run(text, false)));
    }

    /** 成文日期 in Arabic numerals, as GB/T 9704 asks: 2020年9月14日. */
    private static String date(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
