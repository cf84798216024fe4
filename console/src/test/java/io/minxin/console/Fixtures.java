package io.minxin.console;

/** The APIs' answers the tests stub, in the shapes the services send (fractions for rates, null without a denominator). */
public final class Fixtures {

    public static String overview(String period, long cases, Double satisfaction) {
        String rates = "{\"completionRate\":0.95744,\"onTimeRate\":0.96133,\"satisfactionRate\":"
                + (satisfaction == null ? "null" : satisfaction) + ",\"excellentRate\":0.8402}";
        String counts = "{\"received\":" + cases
                + ",\"concluded\":1260,\"concludedOnTime\":1211,\"visited\":900,\"satisfied\":878,\"excellent\":756,"
                + "\"returns\":40,\"pushbacks\":5}";
        String summary = "{\"cases\":" + cases + ",\"units\":28,\"counts\":" + counts + ",\"rates\":" + rates + "}";
        return "{\"period\":\"" + period + "\",\"total\":" + summary + ",\"channels\":{\"PHONE\":" + summary
                + ",\"WEB\":" + summary + "}}";
    }

    public static String row(int rank, String unitId, String unitName, double satisfaction, String exclusions) {
        return "{\"rank\":" + rank + ",\"unitId\":\"" + unitId + "\",\"unitName\":\"" + unitName + "\","
                + "\"inputs\":{\"counts\":{\"received\":30,\"concluded\":29,\"concludedOnTime\":29,\"visited\":20,"
                + "\"satisfied\":19,\"excellent\":15,\"returns\":2,\"pushbacks\":1},"
                + "\"rates\":{\"completionRate\":0.96666666,\"onTimeRate\":1.0,\"satisfactionRate\":" + satisfaction
                + ",\"excellentRate\":null}},"
                + "\"score\":0.9123,\"terms\":[{\"rate\":\"satisfactionRate\",\"value\":" + satisfaction
                + ",\"ranked\":" + satisfaction + ",\"weight\":0.5,\"points\":0.475}],"
                + "\"bonus\":2.0,\"penalty\":1.5,\"total\":96.5,"
                + "\"bonuses\":[{\"fact\":\"EXCELLENT\",\"count\":4,\"pointsEach\":0.5,\"points\":2.0}],"
                + "\"penalties\":[{\"fact\":\"PUSHBACK\",\"count\":1,\"pointsEach\":1.5,\"points\":1.5}]"
                + (exclusions == null ? "" : ",\"exclusions\":" + exclusions) + "}";
    }

    public static String ranking(String period, String channel, String status, String... rows) {
        return "{\"id\":null,\"period\":\"" + period + "\",\"channel\":\"" + channel + "\",\"revision\":0,"
                + "\"status\":\"" + status + "\",\"policy\":{\"id\":\"" + channel.toLowerCase()
                + "-ranking\",\"version\":2},\"top\":5,\"createdAt\":\"2020-10-08T06:00:00Z\",\"rows\":["
                + String.join(",", rows) + "],\"notEligible\":[]}";
    }

    public static String review(String caseId, String status, String ruling) {
        return "{\"caseId\":\"" + caseId + "\",\"period\":\"2020-09\",\"channel\":\"PHONE\",\"title\":\"流动商贩占道经营\","
                + "\"candidateUnitId\":\"xlt-chengjian\",\"candidateUnitName\":\"盘锦市兴隆台区城建中心\","
                + "\"returns\":[{\"unitId\":\"xlt-xinglong\",\"reason\":\"不属于本单位职责\","
                + "\"occurredAt\":\"2020-09-03T01:30:00Z\"}],\"concludedAt\":\"2020-09-08T06:05:00Z\","
                + "\"account\":\"该诉求经兴隆街道退回后由城建中心办结。\",\"explanation\":\"该诉求经兴隆街道退回后由城建中心办结。\","
                + "\"status\":\"" + status + "\",\"mode\":\"REVIEW\",\"chargedUnitId\":\"xlt-chengjian\","
                + "\"chargedUnitName\":\"盘锦市兴隆台区城建中心\",\"ruling\":" + (ruling == null ? "null" : ruling) + "}";
    }

    /** metrics-service's unit table of a month ({@code GET /api/v1/units?period=}). */
    public static final String UNITS = "{\"period\":\"2020-09\",\"units\":["
            + "{\"unitId\":\"xlt-chengjian\",\"unitName\":\"盘锦市兴隆台区城建中心\",\"channel\":\"PHONE\"},"
            + "{\"unitId\":\"xlt-zhifa\",\"unitName\":\"盘锦市兴隆台区综合执法局\",\"channel\":\"PHONE\"},"
            + "{\"unitId\":\"xlt-zhifa\",\"unitName\":\"盘锦市兴隆台区综合执法局\",\"channel\":\"WEB\"}]}";

    public static String bulletin(String status, String documentNumber) {
        return "{\"period\":\"2020-09\",\"status\":\"" + status + "\",\"revision\":0,\"documentNumber\":"
                + (documentNumber == null ? "null" : "\"" + documentNumber + "\"")
                + ",\"issuedAt\":" + (documentNumber == null ? "null" : "\"2020-10-09T02:00:00Z\"")
                + ",\"issuedBy\":" + (documentNumber == null ? "null" : "\"wang.operator\"")
                + ",\"facts\":{\"whatever\":1}}";
    }

    /**
     * {@code GET /api/v1/overview/months}: the 12 months ending with {@code to}, each the given overview or, for a
     * month not given, one without cases.
     */
    public static String overviewMonths(String to, String... overviews) {
        return months(to, "months", overviews, period -> overview(period, 0, null));
    }

    /** {@code GET /api/v1/units/{unitId}/months}: the 12 months ending with {@code to}, unit tables not given empty. */
    public static String unitMonths(String unitId, String to, String... unitTables) {
        return "{\"unitId\":\"" + unitId + "\","
                + months(to, "months", unitTables, Fixtures::unitTable).substring(1);
    }

    private static String months(
            String to, String field, String[] given, java.util.function.Function<String, String> quiet) {
        java.time.YearMonth last = java.time.YearMonth.parse(to);
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (int back = 11; back >= 0; back--) {
            String period = last.minusMonths(back).toString();
            entries.add(java.util.Arrays.stream(given)
                    .filter(json -> json.contains("\"period\":\"" + period + "\""))
                    .findFirst()
                    .orElseGet(() -> quiet.apply(period)));
        }
        return "{\"from\":\"" + last.minusMonths(11) + "\",\"to\":\"" + to + "\",\"" + field + "\":["
                + String.join(",", entries) + "]}";
    }

    public static String unitTable(String period, String... rows) {
        return "{\"period\":\"" + period + "\",\"channel\":null,\"sort\":\"received\",\"order\":\"desc\",\"units\":["
                + String.join(",", rows) + "]}";
    }

    /** One unit's row of a channel: 30 received, 29 concluded; the four rates as given (null: no denominator). */
    public static String unitRow(
            String unitId, String unitName, String channel, Double completion, Double satisfaction, Double excellent) {
        return "{\"unitId\":\"" + unitId + "\",\"unitName\":\"" + unitName + "\",\"channel\":\"" + channel + "\","
                + "\"counts\":{\"received\":30,\"concluded\":29,\"concludedOnTime\":29,\"visited\":20,"
                + "\"satisfied\":19,\"excellent\":15,\"returns\":2,\"pushbacks\":1},"
                + "\"rates\":{\"completionRate\":" + completion + ",\"onTimeRate\":1.0,\"satisfactionRate\":"
                + satisfaction + ",\"excellentRate\":" + excellent + "}}";
    }

    /** A notice as notice-service lists it. */
    public static String notice(String type, String unitId, String title, String text, String occurredAt) {
        return "{\"id\":\"" + type.toLowerCase() + "|" + occurredAt + "\",\"type\":\"" + type
                + "\",\"period\":\"2020-09\",\"unitId\":\"" + unitId + "\",\"unitName\":\"盘锦市兴隆台区城建中心\","
                + "\"caseId\":null,\"channel\":null,\"title\":\"" + title + "\",\"text\":\"" + text
                + "\",\"facts\":{},\"occurredAt\":\"" + occurredAt + "\"}";
    }

    /**
     * A bulletin draft as notice-service shows it ({@code GET …/draft}): revision 0 before the issue, n after it (then
     * {@code changes} say what the 更正 would change); one 较差件, 614418, with its explanation; generated requirements.
     */
    public static String draft(int revision, String signer, String explanation, String... changes) {
        String quoted = String.join(
                ",", java.util.Arrays.stream(changes).map(c -> "\"" + c + "\"").toList());
        return "{\"period\":\"2020-09\",\"status\":\"DRAFT\",\"revision\":" + revision
                + ",\"documentNumber\":\"兴隆营商〔2020〕" + (5 + revision) + "号\",\"changes\":[" + quoted + "],"
                + "\"facts\":{\"period\":\"2020-09\",\"issue\":{\"header\":\"营商环境建设简报\","
                + "\"office\":\"兴隆台区营商环境建设局\",\"number\":{\"prefix\":\"兴隆营商\",\"year\":2020,"
                + "\"sequence\":5},\"sequence\":9,\"signer\":\"" + signer + "\",\"issueDate\":\"2020-10-09\"},"
                + "\"poorCases\":[{\"seq\":1,\"caseId\":\"614418\",\"title\":\"流动商贩占道经营\","
                + "\"unitName\":\"盘锦市兴隆台区城建中心\",\"reason\":\"推诿\"}],"
                + "\"explanations\":[\"" + explanation + "\"],"
                + "\"distribution\":{\"reportTo\":[\"区委办公室\",\"区政府办公室\"],\"sendTo\":[\"各街道\"],"
                + "\"issuingOffice\":\"兴隆台区营商环境建设局办公室\"},\"liveRanking\":false,\"requirements\":[]},"
                + "\"edits\":{\"signer\":{\"by\":\"wang.operator\",\"at\":\"2020-10-08T06:00:00Z\","
                + "\"decision\":\"d-1\"}}}";
    }

    /** An issued revision in the list of revisions ({@code GET …/revisions}). */
    public static String revision(int revision, String documentNumber, String reason, String... changes) {
        String quoted = String.join(
                ",", java.util.Arrays.stream(changes).map(c -> "\"" + c + "\"").toList());
        return "{\"period\":\"2020-09\",\"revision\":" + revision + ",\"documentNumber\":\"" + documentNumber
                + "\",\"issuedAt\":\"2020-10-09T02:00:00Z\",\"issuedBy\":\"wang.operator\",\"reason\":"
                + (reason == null ? "null" : "\"" + reason + "\"") + ",\"changes\":[" + quoted + "]}";
    }

    private Fixtures() {}
}
