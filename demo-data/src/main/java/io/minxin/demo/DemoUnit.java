package io.minxin.demo;

import java.util.List;
import java.util.Optional;

/**
 * A handling unit (承办单位) of the demo district. The first twelve are the units the reference bulletin
 * names; the other sixteen are plausible bureaus and street offices of the same district.
 */
public record DemoUnit(String unitId, String unitName) {
    public static final DemoUnit GONGXIN = new DemoUnit("xlt-gongxin", "盘锦市兴隆台区工信局");
    public static final DemoUnit SHUIWU = new DemoUnit("xlt-shuiwu", "国家税务总局盘锦市兴隆台区税务局");
    public static final DemoUnit SHICHANG = new DemoUnit("xlt-shichang", "盘锦市兴隆台区市场监督管理局");
    public static final DemoUnit YOUTIAN_JIAOYU = new DemoUnit("xlt-youtian-jiaoyu", "盘锦油田基础教育");
    public static final DemoUnit SHEBAO = new DemoUnit("xlt-shebao", "盘锦市社会保险事业管理局兴隆台区分局");
    public static final DemoUnit SHENCAI = new DemoUnit("xlt-shencai", "盘锦市兴隆台区沈采街道办事处");
    public static final DemoUnit ZONGHE_ZHIFA = new DemoUnit("xlt-zonghe-zhifa", "盘锦市兴隆台区城市管理综合行政执法局");
    public static final DemoUnit ZHENXING = new DemoUnit("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处");
    public static final DemoUnit CHENGJIAN = new DemoUnit("xlt-chengjian", "盘锦市兴隆台区城市建设和管理服务中心");
    public static final DemoUnit NONGSHUI = new DemoUnit("xlt-nongshui", "盘锦市兴隆台区农业和水利服务中心");
    public static final DemoUnit HUIBIN = new DemoUnit("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处");
    public static final DemoUnit XINGHAI = new DemoUnit("xlt-xinghai", "盘锦市兴隆台区兴海街道办事处");
    public static final DemoUnit ZHUJIAN = new DemoUnit("xlt-zhujian", "盘锦市兴隆台区住房和城乡建设局");
    public static final DemoUnit WEIJIAN = new DemoUnit("xlt-weijian", "盘锦市兴隆台区卫生健康局");
    public static final DemoUnit MINZHENG = new DemoUnit("xlt-minzheng", "盘锦市兴隆台区民政局");
    public static final DemoUnit RENSHE = new DemoUnit("xlt-renshe", "盘锦市兴隆台区人力资源和社会保障局");
    public static final DemoUnit GONGAN = new DemoUnit("xlt-gongan", "盘锦市公安局兴隆台分局");
    public static final DemoUnit SHENGTAI = new DemoUnit("xlt-shengtai", "盘锦市生态环境局兴隆台分局");
    public static final DemoUnit XINGLONG = new DemoUnit("xlt-xinglong", "盘锦市兴隆台区兴隆街道办事处");
    public static final DemoUnit BOHAI = new DemoUnit("xlt-bohai", "盘锦市兴隆台区渤海街道办事处");
    public static final DemoUnit YOUYI = new DemoUnit("xlt-youyi", "盘锦市兴隆台区友谊街道办事处");
    public static final DemoUnit HONGQI = new DemoUnit("xlt-hongqi", "盘锦市兴隆台区红旗街道办事处");
    public static final DemoUnit CHUANGXIN = new DemoUnit("xlt-chuangxin", "盘锦市兴隆台区创新街道办事处");
    public static final DemoUnit XINGSHENG = new DemoUnit("xlt-xingsheng", "盘锦市兴隆台区兴盛街道办事处");
    public static final DemoUnit SHUGUANG = new DemoUnit("xlt-shuguang", "盘锦市兴隆台区曙光街道办事处");
    public static final DemoUnit HUANXILING = new DemoUnit("xlt-huanxiling", "盘锦市兴隆台区欢喜岭街道办事处");
    public static final DemoUnit XINGONG = new DemoUnit("xlt-xingong", "盘锦市兴隆台区新工街道办事处");
    public static final DemoUnit CICAI = new DemoUnit("xlt-cicai", "盘锦市兴隆台区茨采街道办事处");

    /** All 28 units, in a fixed order (the reference's units first). */
    public static final List<DemoUnit> ALL = List.of(
            GONGXIN,
            SHUIWU,
            SHICHANG,
            YOUTIAN_JIAOYU,
            SHEBAO,
            SHENCAI,
            ZONGHE_ZHIFA,
            ZHENXING,
            CHENGJIAN,
            NONGSHUI,
            HUIBIN,
            XINGHAI,
            ZHUJIAN,
            WEIJIAN,
            MINZHENG,
            RENSHE,
            GONGAN,
            SHENGTAI,
            XINGLONG,
            BOHAI,
            YOUYI,
            HONGQI,
            CHUANGXIN,
            XINGSHENG,
            SHUGUANG,
            HUANXILING,
            XINGONG,
            CICAI);

    public static Optional<DemoUnit> byId(String unitId) {
        return ALL.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
    }

    /** The unit's name; the demo's unit ids are all known, anything else is a programming error. */
    static String nameOf(String unitId) {
        return byId(unitId)
                .map(DemoUnit::unitName)
                .orElseThrow(() -> new IllegalArgumentException("no demo unit " + unitId));
    }
}
