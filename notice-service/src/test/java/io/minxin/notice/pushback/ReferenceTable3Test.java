package io.minxin.notice.pushback;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.state.CaseState;
import io.minxin.notice.units.UnitNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The five 较差件 of table 3 of the reference bulletin (2020-09), rebuilt as case states that metrics-service
 * published as confirmed 推诿 (every return of the concluding unit made it): each explanation
 * carries the facts the bulletin states — the unit, how many times, the quoted reason, who concluded it. Where
 * the bulletin does not quote the reasons (cases 3 and 4), the reasons here are made up.
 */
class ReferenceTable3Test {
    private final PushbackDetector detector = new PushbackDetector(2, 3, UnitNames.xinglongtai());

    @Test
    void case614418ReturnedOnceByTheEnforcementBureau() {
        CaseState state = CaseStates.of("614418", "盘锦市民反映食品安全问题")
                .accepted("xlt-zonghe-zhifa", "盘锦市兴隆台区城市管理综合行政执法局")
                .returned("xlt-zonghe-zhifa", "无营业手续及食品安全问题均不在我局执法范围")
                .accepted("xlt-zonghe-zhifa", "盘锦市兴隆台区城市管理综合行政执法局")
                .concludedAfterPushback("xlt-zonghe-zhifa")
                .state();

        assertThat(confirmed(state).text()).isEqualTo("综合执法局以“无营业手续及食品安全问题均不在我局执法范围”为由退件，目前该案件已由综合执法局结案。");
    }

    @Test
    void case625810ReturnedThreeTimesByZhenxingWithOneReason() {
        CaseState state = CaseStates.of("625810", "盘锦市民反映电梯未开通问题")
                .accepted("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处")
                .returned("xlt-zhenxing", "请分派至住建部门")
                .reassignedAndReturned("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处", "请分派至住建部门")
                .reassignedAndReturned("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处", "请分派至住建部门")
                .accepted("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处")
                .concludedAfterPushback("xlt-zhenxing")
                .state();

        Notice notice = confirmed(state);

        assertThat(notice.text()).isEqualTo("振兴街道三次均以“请分派至住建部门”为由退件，目前该案件已由振兴街道结案。");
        assertThat(notice.unitName()).isEqualTo("盘锦市兴隆台区振兴街道办事处");
        assertThat(notice.facts())
                .containsEntry("caseTitle", "盘锦市民反映电梯未开通问题")
                .containsEntry("returnCount", 3)
                .containsEntry("reasons", List.of("请分派至住建部门"));
    }

    @Test
    void case619389ReturnedThreeTimesByTheConstructionCentreWithTwoReasons() {
        CaseState state = CaseStates.of("619389", "盘锦市民咨询道路问题")
                .accepted("xlt-chengjian", "盘锦市兴隆台区城市建设和管理服务中心")
                .returned("xlt-chengjian", "该路段不属于我中心管辖")
                .reassignedAndReturned("xlt-chengjian", "盘锦市兴隆台区城市建设和管理服务中心", "请转交住建局")
                .reassignedAndReturned("xlt-chengjian", "盘锦市兴隆台区城市建设和管理服务中心", "该路段不属于我中心管辖")
                .accepted("xlt-chengjian", "盘锦市兴隆台区城市建设和管理服务中心")
                .concludedAfterPushback("xlt-chengjian")
                .state();

        assertThat(confirmed(state).text())
                .isEqualTo("城市建设和管理服务中心三次先后以“该路段不属于我中心管辖”、“请转交住建局”为由退件，" + "目前该案件已由城市建设和管理服务中心结案。");
    }

    @Test
    void case2796110ReturnedManyTimesByTheAgricultureCentre() {
        String name = "盘锦市兴隆台区农业和水利服务中心";
        CaseState state = CaseStates.of("2796110", "盘锦市兴隆台区村民反映乡村房屋改造问题")
                .accepted("xlt-nongshui", name)
                .returned("xlt-nongshui", "请转兴海街道办理")
                .reassignedAndReturned("xlt-nongshui", name, "请转兴海街道办理")
                .reassignedAndReturned("xlt-nongshui", name, "房屋改造名单由街道上报")
                .reassignedAndReturned("xlt-nongshui", name, "请转兴海街道办理")
                .accepted("xlt-nongshui", name)
                .concludedAfterPushback("xlt-nongshui")
                .state();

        assertThat(confirmed(state).text())
                .isEqualTo("农业和水利服务中心多次先后以“请转兴海街道办理”、“房屋改造名单由街道上报”为由退件，" + "目前该案件已由农业和水利服务中心结案。");
    }

    @Test
    void case607226ReturnedTwiceByHuibin() {
        String reason = "经与村委会了解，供水井始终为一个井，水质问题请移交农业农村局检验";
        CaseState state = CaseStates.of("607226", "盘锦市某市民反映自来水有杂质问题")
                .accepted("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处")
                .returned("xlt-huibin", reason)
                .reassignedAndReturned("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处", reason)
                .accepted("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处")
                .concludedAfterPushback("xlt-huibin")
                .state();

        assertThat(confirmed(state).text()).isEqualTo("惠宾街道两次均以“" + reason + "”为由退件，目前该案件已由惠宾街道结案。");
    }

    private Notice confirmed(CaseState state) {
        List<Notice> found = detector.examine(state).stream()
                .filter(n -> n.type() == NoticeType.PUSHBACK_CONFIRMED)
                .toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).id())
                .isEqualTo("pushback-confirmed|" + state.caseId() + "|"
                        + state.conclusion().unitId());
        assertThat(found.get(0).facts()).containsEntry("reason", "推诿");
        return found.get(0);
    }
}
