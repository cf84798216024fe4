package io.minxin.demo;

import io.minxin.events.Channel;
import java.util.List;
import java.util.Optional;

/**
 * The five 较差件 of table 3 of the reference bulletin (兴隆营商督字〔2020〕7号), each a confirmed 推诿: the
 * unit returned the case, got it again and concluded it itself. {@link DemoMonth} emits them exactly;
 * their texts are here so a bulletin can be checked against the reference.
 */
public final class ReferenceCases {

    /**
     * One reference case.
     *
     * @param caseId 部门编号
     * @param title 诉求问题 (the accepted event's title)
     * @param unit the unit that returned the case and finally concluded it
     * @param channel the channel the demo gives it (the reference does not say)
     * @param returnReasons the reason of each return, in order; the size is the number of returns
     * @param appeal what the citizen asked, from the bulletin's explanation
     * @param description the bulletin's whole explanation paragraph for the case
     */
    public record ReferenceCase(
            String caseId,
            String title,
            DemoUnit unit,
            Channel channel,
            List<String> returnReasons,
            String appeal,
            String description) {
        public ReferenceCase {
            returnReasons = List.copyOf(returnReasons);
        }

        public int returns() {
            return returnReasons.size();
        }
    }

    public static final ReferenceCase FOOD_SAFETY = new ReferenceCase(
            "614418",
            "盘锦市民反映食品安全问题",
            DemoUnit.ZONGHE_ZHIFA,
            Channel.PHONE,
            List.of("无营业手续及食品安全问题均不在我局执法范围"),
            "兴隆台区河畔小区福区中门，有一辆面包车售卖熟食，无营业手续，并且食品安全存在问题。",
            "兴隆台区河畔小区福区中门，有一辆面包车售卖熟食，无营业手续，并且食品安全存在问题。综合执法局以“无营业手续及食品安全问题均不在我局执法范围”"
                    + "为由退件，该诉求实际问题为流动商贩问题，应由综合执法局处理，目前该案件已由综合执法局结案。");

    public static final ReferenceCase ELEVATOR = new ReferenceCase(
            "625810",
            "盘锦市民反映电梯未开通问题",
            DemoUnit.ZHENXING,
            Channel.PHONE,
            List.of("请分派至住建部门", "请分派至住建部门", "请分派至住建部门"),
            "兴隆台区乐府江南小区 B5 号楼 3 单元居民反映，本楼是电梯房，2015 年入住至今电梯仍未给开通。",
            "兴隆台区乐府江南小区 B5 号楼 3 单元居民反映，本楼是电梯房，2015 年入住至今电梯仍未给开通。振兴街道三次均以“请分派至住建部门”为由退件，"
                    + "物业问题应由属地街道协调，目前该案件已由振兴街道结案。");

    public static final ReferenceCase ROAD = new ReferenceCase(
            "619389",
            "盘锦市民咨询道路问题",
            DemoUnit.CHENGJIAN,
            Channel.PHONE,
            List.of("该路段不在我中心养护范围，请核实后重新分派", "道路维修不属于我中心职责，请转交相关部门", "请分派至属地街道办理"),
            "兴隆台区“乐水汇”东侧道路，路面坑洼不平，建议相关部门予以维修。",
            "兴隆台区“乐水汇”东侧道路，路面坑洼不平，建议相关部门予以维修。城市建设和管理服务中心未认真核实三次退件，目前该案件已由城市建设和管理服务中心结案。");

    public static final ReferenceCase VILLAGE_HOUSING = new ReferenceCase(
            "2796110",
            "盘锦市兴隆台区村民反映乡村房屋改造问题",
            DemoUnit.NONGSHUI,
            Channel.WEB,
            List.of("房屋改造名单由兴海街道上报，请分派至兴海街道", "该问题属于属地街道职责范围，请转至兴海街道办理", "村民房顶保温问题不属于我中心职责", "请分派至住建部门"),
            "投诉人是兴海街道居民，主要反映给村民的房顶扣保温房盖的问题。",
            "投诉人是兴海街道居民，主要反映给村民的房顶扣保温房盖的问题，经核实当时西跃村房屋改造由农业和水利服务中心负责，"
                    + "农业和水利服务中心下的任务是每条主街的房子一家一户做坡屋顶，兴海街道依据农业和水利服务中心的任务要求报的名单，"
                    + "但农业和水利服务中心多次退件，最后该案件已由农业和水利服务中心结案。");

    public static final ReferenceCase TAP_WATER = new ReferenceCase(
            "607226",
            "盘锦市某市民反映自来水有杂质问题",
            DemoUnit.HUIBIN,
            Channel.PHONE,
            List.of("经与村委会了解，供水井始终为一个井，水质问题请移交农业农村局检验", "经与村委会了解，供水井始终为一个井，水质问题请移交农业农村局检验"),
            "兴隆台区后二十里村民反映自来水水质问题。",
            "兴隆台区后二十里村民反映自来水水质问题。惠宾街道两次均以“经与村委会了解，供水井始终为一个井，水质问题请移交农业农村局检验”为由退件。"
                    + "作为属地街道应本着从对百姓生活负责的角度协调相关部门解决该问题，目前该案件已由惠宾街道结案。");

    /** In the order of table 3. */
    public static List<ReferenceCase> all() {
        return List.of(FOOD_SAFETY, ELEVATOR, ROAD, VILLAGE_HOUSING, TAP_WATER);
    }

    public static Optional<ReferenceCase> byId(String caseId) {
        return all().stream().filter(c -> c.caseId().equals(caseId)).findFirst();
    }

    private ReferenceCases() {}
}
