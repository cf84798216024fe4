package io.minxin.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** What citizens write to each kind of unit about: the demo's categories and titles (诉求问题). */
final class AppealTopics {
    private static final List<String> STREET_OFFICE =
            List.of("小区物业服务", "小区供暖", "楼道卫生", "私搭乱建", "噪音扰民", "小区停车", "下水道堵塞", "垃圾清运", "路灯不亮", "宠物扰民");

    private static final Map<String, List<String>> BY_UNIT = Map.ofEntries(
            Map.entry(DemoUnit.GONGXIN.unitId(), List.of("企业用电", "通信信号", "企业用工", "工业园区道路")),
            Map.entry(DemoUnit.SHUIWU.unitId(), List.of("发票开具", "个税申报", "社保费缴纳", "退税进度")),
            Map.entry(DemoUnit.SHICHANG.unitId(), List.of("食品安全", "价格欺诈", "消费纠纷", "商品质量", "虚假宣传")),
            Map.entry(DemoUnit.YOUTIAN_JIAOYU.unitId(), List.of("学校收费", "入学报名", "校车安全", "课后服务")),
            Map.entry(DemoUnit.SHEBAO.unitId(), List.of("养老金发放", "社保缴费", "退休手续", "医保报销")),
            Map.entry(DemoUnit.ZONGHE_ZHIFA.unitId(), List.of("占道经营", "流动商贩", "违章建筑", "渣土车抛洒", "夜市噪音")),
            Map.entry(DemoUnit.CHENGJIAN.unitId(), List.of("道路破损", "路灯维修", "井盖缺失", "排水不畅", "绿化带管护")),
            Map.entry(DemoUnit.NONGSHUI.unitId(), List.of("农田灌溉", "村内道路", "饮水安全", "土地承包", "农业补贴")),
            Map.entry(DemoUnit.ZHUJIAN.unitId(), List.of("房屋质量", "电梯维修", "物业维修基金", "房产证办理")),
            Map.entry(DemoUnit.WEIJIAN.unitId(), List.of("医疗服务", "疫苗接种", "诊所收费")),
            Map.entry(DemoUnit.MINZHENG.unitId(), List.of("低保申请", "养老服务", "婚姻登记")),
            Map.entry(DemoUnit.RENSHE.unitId(), List.of("拖欠工资", "劳动合同", "就业补贴")),
            Map.entry(DemoUnit.GONGAN.unitId(), List.of("户籍办理", "交通秩序", "身份证办理")),
            Map.entry(DemoUnit.SHENGTAI.unitId(), List.of("油烟扰民", "污水排放", "噪音污染")));

    private static final List<String> TITLES = List.of("盘锦市民反映%s问题", "盘锦市民咨询%s问题", "兴隆台区居民反映%s问题");

    static String pick(DemoUnit unit, SplittableRandom rng) {
        List<String> topics = BY_UNIT.getOrDefault(unit.unitId(), STREET_OFFICE);
        return topics.get(rng.nextInt(topics.size()));
    }

    static String title(String topic, SplittableRandom rng) {
        return String.format(TITLES.get(rng.nextInt(TITLES.size())), topic);
    }

    private AppealTopics() {}
}
