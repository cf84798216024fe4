package io.minxin.notice.bulletin;

import io.minxin.notice.bulletin.BulletinFacts.PhoneRow;
import io.minxin.notice.bulletin.BulletinFacts.PoorCase;
import io.minxin.notice.bulletin.BulletinFacts.WebRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

/** The facts of the reference bulletin (xinglongtai-8890-bulletin-2020-09), as printed there. */
final class ReferenceMonth {

    static final String SOCIAL_SECURITY = "盘锦市社会保险事业管理局兴隆台区分局";
    static final String MARKET_SUPERVISION = "盘锦市兴隆台区市场监督管理局";
    static final String OILFIELD_EDUCATION = "盘锦油田基础教育";
    static final String LAW_ENFORCEMENT = "盘锦市兴隆台区城市管理综合行政执法局";

    private ReferenceMonth() {}

    static BulletinFacts facts() {
        return facts(
                List.of(
                        phone(1, "盘锦市兴隆台区工信局", 1.0, 1.0, 1.0, 1.0),
                        phone(2, "国家税务总局盘锦市兴隆台区税务局", 1.0, 1.0, 1.0, 1.0),
                        phone(3, MARKET_SUPERVISION, 0.9667, 0.98, 1.0, 1.0),
                        phone(4, OILFIELD_EDUCATION, 1.0, 0.8387, 0.9545, 0.7925),
                        phone(5, SOCIAL_SECURITY, 1.0, 1.0, 1.0, 0.6667)),
                List.of(
                        new PoorCase(1, "614418", "盘锦市民反映食品安全问题", LAW_ENFORCEMENT, "推诿"),
                        new PoorCase(2, "625810", "盘锦市民反映电梯未开通问题", "盘锦市兴隆台区振兴街道办事处", "推诿"),
                        new PoorCase(3, "619389", "盘锦市民咨询道路问题", "盘锦市兴隆台区城市建设和管理服务中心", "推诿"),
                        new PoorCase(4, "2796110", "盘锦市兴隆台区村民反映乡村房屋改造问题", "盘锦市兴隆台区农业和水利服务中心", "推诿"),
                        new PoorCase(5, "607226", "盘锦市某市民反映自来水有杂质问题", "盘锦市兴隆台区惠宾街道办事处", "推诿")));
    }

    /** The reference month with other table 1 and table 3 rows, e.g. to check what data does to the layout. */
    static BulletinFacts facts(List<PhoneRow> phoneTop, List<PoorCase> poorCases) {
        return new BulletinFacts(
                YearMonth.of(2020, 9),
                LocalDate.of(2020, 9, 1),
                LocalDate.of(2020, 9, 30),
                BulletinProperties.Issuer.reference().issue(2020, 7, 5, LocalDate.of(2020, 10, 29)),
                new BulletinFacts.Overview(1316, 28, 0.9574, 0.9613, 0.9755, 0.8402),
                phoneTop,
                List.of(
                        web(1, SOCIAL_SECURITY, 1.0, 1.0, 1.0, 1.0, "0.02", "0", "10.02"),
                        web(2, "盘锦市兴隆台区沈采街道办事处", 1.0, 1.0, 1.0, 1.0, "0.02", "0", "10.02"),
                        web(3, LAW_ENFORCEMENT, 1.0, 1.0, 1.0, 0.9231, "0.24", "0", "10.24"),
                        web(4, OILFIELD_EDUCATION, 0.9167, 1.0, 0.8824, 0.8824, "0.3", "0", "10.3"),
                        web(5, MARKET_SUPERVISION, 0.9, 1.0, 0.9091, 0.8, "0.18", "0", "10.18")),
                poorCases,
                List.of(
                        "兴隆台区河畔小区福区中门，有一辆面包车售卖熟食，无营业手续，并且食品安全存在问题。综合执法局以“无营业手续及食品安全问题均不在我局执法范围”为由退件，该诉求实际问题为流动商贩问题，应由综合执法局处理，目前该案件已由综合执法局结案。",
                        "兴隆台区乐府江南小区 B5 号楼 3 单元居民反映，本楼是电梯房，2015 年入住至今电梯仍未给开通。振兴街道三次均以“请分派至住建部门”为由退件，物业问题应由属地街道协调，目前该案件已由振兴街道结案。",
                        "兴隆台区“乐水汇”东侧道路，路面坑洼不平，建议相关部门予以维修。城市建设和管理服务中心未认真核实三次退件，目前该案件已由城市建设和管理服务中心结案。",
                        "投诉人是兴海街道居民，主要反映给村民的房顶扣保温房盖的问题，经核实当时西跃村房屋改造由农业和水利服务中心负责，农业和水利服务中心下的任务是每条主街的房子一家一户做坡屋顶，兴海街道依据农业和水利服务中心的任务要求报的名单，但农业和水利服务中心多次退件，最后该案件已由农业和水利服务中心结案。",
                        "兴隆台区后二十里村民反映自来水水质问题。惠宾街道两次均以“经与村委会了解，供水井始终为一个井，水质问题请移交农业农村局检验”为由退件。作为属地街道应本着从对百姓生活负责的角度协调相关部门解决该问题，目前该案件已由惠宾街道结案。"),
                new BulletinFacts.Targets(0.95, 0.95, 1.0, LocalTime.of(16, 0), 3),
                BulletinProperties.Issuer.reference().distribution());
    }

    static PhoneRow phone(
            int rank, String unit, Double completion, Double onTime, Double satisfaction, Double excellent) {
        return new PhoneRow(rank, unit, completion, onTime, satisfaction, excellent);
    }

    private static WebRow web(
            int rank,
            String unit,
            double completion,
            double onTime,
            double satisfaction,
            double excellent,
            String bonus,
            String penalty,
            String total) {
        return new WebRow(
                rank,
                unit,
                completion,
                onTime,
                satisfaction,
                excellent,
                new BigDecimal(bonus),
                new BigDecimal(penalty),
                new BigDecimal(total));
    }
}
