package io.minxin.notice.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitNamesTest {
    private final UnitNames names = UnitNames.xinglongtai();

    @Test
    void streetOfficesLoseDistrictPrefixAndOfficeSuffix() {
        assertThat(names.shortName("盘锦市兴隆台区振兴街道办事处", "x")).isEqualTo("振兴街道");
        assertThat(names.shortName("盘锦市兴隆台区惠宾街道办事处", "x")).isEqualTo("惠宾街道");
    }

    @Test
    void centresLoseTheDistrictPrefix() {
        assertThat(names.shortName("盘锦市兴隆台区城市建设和管理服务中心", "x")).isEqualTo("城市建设和管理服务中心");
        assertThat(names.shortName("盘锦市兴隆台区农业和水利服务中心", "x")).isEqualTo("农业和水利服务中心");
    }

    @Test
    void aliasesApplyToStrippedOrFullNames() {
        assertThat(names.shortName("盘锦市兴隆台区城市管理综合行政执法局", "x")).isEqualTo("综合执法局");
        UnitNames byFullName = new UnitNames(List.of(), List.of(), Map.of("盘锦油田基础教育", "油田教育"));
        assertThat(byFullName.shortName("盘锦油田基础教育", "x")).isEqualTo("油田教育");
    }

    @Test
    void namesWithoutTheAffixesStayAsTheyAre() {
        assertThat(names.shortName("国家税务总局盘锦市兴隆台区税务局", "x")).isEqualTo("国家税务总局盘锦市兴隆台区税务局");
    }

    @Test
    void missingNameFallsBackToTheGivenId() {
        assertThat(names.shortName(null, "xlt-huibin")).isEqualTo("xlt-huibin");
        assertThat(names.shortName(" ", "xlt-huibin")).isEqualTo("xlt-huibin");
    }
}
