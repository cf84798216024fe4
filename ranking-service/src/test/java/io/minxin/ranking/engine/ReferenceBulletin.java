package io.minxin.ranking.engine;

import static io.minxin.ranking.engine.Units.stated;

import java.util.List;

/**
 * Tables 1 and 2 of the reference bulletin (兴隆台区 8890, 2020-09) with their rates exactly as printed, plus units
 * that did not make the top five. Received counts are plausible; of an exact tie, the unit printed first has
 * received more (社会关注度). Excellent counts follow the printed 加分 at 0.02 each.
 */
public final class ReferenceBulletin {
    public static final String GONGXIN = "盘锦市兴隆台区工信局";
    public static final String SHUIWU = "国家税务总局盘锦市兴隆台区税务局";
    public static final String SHICHANG = "盘锦市兴隆台区市场监督管理局";
    public static final String YOUTIAN = "盘锦油田基础教育";
    public static final String SHEBAO = "盘锦市社会保险事业管理局兴隆台区分局";
    public static final String SHENCAI = "盘锦市兴隆台区沈采街道办事处";
    public static final String ZHIFA = "盘锦市兴隆台区城市管理综合行政执法局";
    public static final String ZHENXING = "盘锦市兴隆台区振兴街道办事处";
    public static final String HUIBIN = "盘锦市兴隆台区惠宾街道办事处";

    /** 表一 (话务端), in the printed order. */
    public static final List<String> TABLE_1 = List.of(GONGXIN, SHUIWU, SHICHANG, YOUTIAN, SHEBAO);

    /** 表二 (网络端), in the printed order. */
    public static final List<String> TABLE_2 = List.of(SHEBAO, SHENCAI, ZHIFA, YOUTIAN, SHICHANG);

    /** 表二's 加分 and 总分, in the printed order. */
    public static final List<Double> TABLE_2_BONUS = List.of(0.02, 0.02, 0.24, 0.3, 0.18);

    public static final List<Double> TABLE_2_TOTAL = List.of(10.02, 10.02, 10.24, 10.3, 10.18);

    /** The phone units, deliberately not in table order. */
    public static List<UnitPerformance> phoneUnits() {
        return List.of(
                stated(SHEBAO, 9, 6, 4, 1.0, 1.0, 1.0, 0.6667),
                stated(ZHENXING, 40, 30, 18, 0.95, 0.9, 0.9333, 0.6),
                stated(SHUIWU, 8, 5, 5, 1.0, 1.0, 1.0, 1.0),
                stated(YOUTIAN, 31, 53, 42, 1.0, 0.8387, 0.9545, 0.7925),
                stated(HUIBIN, 22, 15, 8, 0.9091, 0.95, 0.9333, 0.5333),
                stated(SHICHANG, 150, 20, 20, 0.9667, 0.98, 1.0, 1.0),
                stated(GONGXIN, 12, 7, 7, 1.0, 1.0, 1.0, 1.0));
    }

    /** The web units, deliberately not in table order. */
    public static List<UnitPerformance> webUnits() {
        return List.of(
                stated(SHICHANG, 20, 11, 9, 0.90, 1.0, 0.9091, 0.80),
                stated(HUIBIN, 14, 10, 6, 0.8571, 0.9167, 0.9, 0.6),
                stated(SHENCAI, 3, 1, 1, 1.0, 1.0, 1.0, 1.0),
                stated(ZHIFA, 13, 13, 12, 1.0, 1.0, 1.0, 0.9231),
                stated(YOUTIAN, 24, 17, 15, 0.9167, 1.0, 0.8824, 0.8824),
                stated(SHEBAO, 5, 1, 1, 1.0, 1.0, 1.0, 1.0));
    }

    private ReferenceBulletin() {}
}
