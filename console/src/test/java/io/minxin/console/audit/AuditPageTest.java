package io.minxin.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditPageTest extends ConsoleTestSupport {

    static String entry(String id, String at, String action, String target, String change, String summary) {
        return "{\"id\":\"" + id + "\",\"at\":\"" + at
                + "\",\"actorKeyId\":\"wang.operator\",\"actorRole\":\"operator\","
                + "\"service\":\"ranking-service\",\"action\":\"" + action + "\",\"target\":\"" + target + "\","
                + "\"change\":" + change + ",\"summary\":\"" + summary + "\"}";
    }

    private static final String TWO = "["
            + entry(
                    "a-2",
                    "2020-10-09T02:00:00Z",
                    "policy.change",
                    "policy:phone-ranking",
                    "{\"policyId\":\"phone-ranking\",\"channel\":\"PHONE\",\"previousVersion\":2,\"version\":3,"
                            + "\"changed\":[\"weights\"],\"before\":{\"weights\":{\"satisfactionRate\":0.5}},"
                            + "\"after\":{\"weights\":{\"satisfactionRate\":0.6}}}",
                    "phone-ranking version 3: weights changed")
            + ","
            + entry(
                    "a-1",
                    "2020-10-08T06:05:00Z",
                    "period.close",
                    "period:2020-09",
                    "{\"period\":\"2020-09\",\"alreadyClosed\":false,\"closedAt\":\"2020-10-08T06:05:00Z\","
                            + "\"closedBy\":\"operator\"}",
                    "closed period 2020-09")
            + ","
            + entry(
                    "a-0",
                    "2020-10-08T01:00:00Z",
                    "account.sign-in",
                    "account:wang.operator",
                    "{\"role\":\"operator\",\"scope\":\"all\",\"method\":\"password\"}",
                    "wang.operator signed in to the console (password)")
            + "]";

    @Test
    void givenAnOperatorThenEachEntryShowsTimeWhoActionTargetAndWhatChangedInChinese() {
        API.json("GET /api/v1/audit", TWO);

        String page = look("audit-operator", page("/console/audit", OPERATOR));

        assertThat(API.calls("GET", "/api/v1/audit").get(0).uri()).isEqualTo("/api/v1/audit?limit=51");
        assertThat(page)
                .contains("2020年10月9日 10:00", "wang.operator", "（营商局操作员）", "修改排名规则", "排名规则 phone-ranking")
                .contains("<dt>渠道</dt><dd>话务端</dd>", "<dt>原版本</dt><dd>2</dd>", "<dt>修改的项目</dt><dd>权重</dd>")
                .contains("<summary>修改前</summary>", "<summary>修改后</summary>", "&quot;satisfactionRate&quot; : 0.6")
                .contains("2020年10月8日 14:05", "关闭考评月", "考评月 2020-09")
                .contains("<dt>此前已关闭</dt><dd>否</dd>", "<dt>关闭时间</dt><dd>2020年10月8日 14:05</dd>")
                .contains("<dt>关闭方式</dt><dd>操作员关闭</dd>")
                .contains("登录控制台", "<dt>角色</dt><dd>营商局操作员</dd>", "<dt>查看范围</dt><dd>全部单位</dd>")
                .contains("<dt>登录方式</dt><dd>密码</dd>")
                .as("the services' English summaries are the API's, not the page's")
                .doesNotContain("weights changed", "closed period", "signed in to the console")
                .contains("<label for=\"audit-actor\">", "<label for=\"audit-action\">", "<label for=\"audit-from\">")
                .contains("<option value=\"letter.acknowledge\">确认收到提示函</option>")
                .doesNotContain("更早的记录", "清除筛选");
        assertThat(page.indexOf("修改排名规则</td>")).isLessThan(page.indexOf("关闭考评月</td>"));
    }

    @Test
    void givenFiltersThenTheApiGetsThemWithChinasDaysAndAFullPageLinksToTheOlderOnes() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            entries.add(entry(
                    "a-" + i,
                    "2020-10-08T%02d:00:00Z".formatted(20 - i),
                    "case.exclude",
                    "case:61441" + i,
                    "{}",
                    "excluded case"));
        }
        API.json("GET /api/v1/audit", "[" + String.join(",", entries) + "]");

        String page = page(
                "/console/audit?actor=wang.operator&action=case.exclude&from=2020-10-01&to=2020-10-08&size=20",
                OPERATOR);

        assertThat(API.calls("GET", "/api/v1/audit").get(0).uri())
                .isEqualTo("/api/v1/audit?actor=wang.operator&action=case.exclude"
                        + "&since=2020-09-30T16:00:00Z&until=2020-10-08T16:00:00Z&limit=21");
        assertThat(page)
                .contains("本页 20 条", "诉求 614410", "剔除诉求", "清除筛选")
                .doesNotContain("case:614420")
                .contains("href=\"/console/audit?actor=wang.operator&amp;action=case.exclude&amp;from=2020-10-01"
                        + "&amp;to=2020-10-08&amp;size=20&amp;before=2020-10-08T01:00:00Z\">更早的记录");

        API.reset();
        API.json("GET /api/v1/audit", "[]");
        assertThat(page("/console/audit?to=2020-10-08&size=20&before=2020-10-08T01:00:00Z", OPERATOR))
                .contains("显示 2020年10月8日 09:00 之前的记录", "回到最新记录", "没有符合条件的记录");
        assertThat(API.calls("GET", "/api/v1/audit").get(0).uri())
                .isEqualTo("/api/v1/audit?until=2020-10-08T01:00:00Z&limit=21");
    }

    @Test
    void givenAFilterTheApiRefusesOrNoDateThenThePageSaysWhyAndWhatWasIgnored() {
        API.json(
                "GET /api/v1/audit",
                400,
                "{\"status\":400,\"detail\":\"invalid audit query\",\"violations\":[{\"field\":\"action\","
                        + "\"message\":\"unknown action 'x'\"}]}");

        String page = look("audit-refused", page("/console/audit?action=x&from=yesterday", OPERATOR));

        assertThat(API.calls("GET", "/api/v1/audit").get(0).uri()).isEqualTo("/api/v1/audit?action=x&limit=51");
        assertThat(page)
                .contains("筛选条件有误，请修改后重试。（invalid audit query）", "action: unknown action &#39;x&#39;")
                .contains("“yesterday”不是日期", "没有符合条件的记录");
    }

    @Test
    void givenAnEmptyTrailThenThePageSaysWhatWillAppear() {
        API.json("GET /api/v1/audit", "[]");

        assertThat(page("/console/audit", OPERATOR)).contains("还没有审计记录", "记录会出现在这里");
    }

    @Test
    void givenALeaderThenTheApisRefusalIsTheReadable403Page() {
        API.problem("GET /api/v1/audit", 403, "the audit trail is for operators only");

        get("/console/audit", LEADER)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("无权查看").doesNotContain("审计记录</a>", "<table"));
    }
}
