package io.minxin.notice.pushback;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The wording of 推诿 notices, after the explanations of table 3 of the reference bulletin. */
final class PushbackTexts {

    /**
     * The explanation of a confirmed 推诿 (较差件), e.g. 振兴街道三次均以“请分派至住建部门”为由退件，目前该案件已由振兴街道结案。
     *
     * @param returningUnit short name of the unit that returned the case
     * @param reasons the reasons of its returns, oldest first (one per return)
     * @param concludingUnit short name of the unit that concluded it
     */
    static String explanation(String returningUnit, List<String> reasons, String concludingUnit) {
        return explanation(returningUnit, reasons, concludingUnit, "");
    }

    /**
     * The explanation with an operator's ruling between the account and the conclusion, e.g.
     * 综合执法局以“…”为由退件，该诉求实际问题为流动商贩问题，应由综合执法局处理，目前该案件已由综合执法局结案。
     *
     * @param ruling a clause without closing punctuation ({@link #clause}); empty for none
     */
    static String explanation(String returningUnit, List<String> reasons, String concludingUnit, String ruling) {
        String inserted = ruling.isEmpty() ? "" : "，" + ruling;
        return returningUnit + returnedFor(reasons) + inserted + "，目前该案件已由" + concludingUnit + "结案。";
    }

    /**
     * A ruling as a clause of the explanation: stripped of spaces and of the punctuation that would end it early
     * (an operator may well type 。 or ， at its end); empty for null or blank.
     */
    static String clause(String ruling) {
        if (ruling == null) {
            return "";
        }
        String clause = ruling.strip();
        while (!clause.isEmpty() && "，。；、,.;".indexOf(clause.charAt(clause.length() - 1)) >= 0) {
            clause = clause.substring(0, clause.length() - 1).strip();
        }
        return clause;
    }

    /** 以“…”为由退件 / 三次均以“…”为由退件 / 三次先后以“…”、“…”为由退件. */
    static String returnedFor(List<String> reasons) {
        List<String> distinct = distinct(reasons);
        if (reasons.size() == 1) {
            return "以" + quoted(distinct) + "为由退件";
        }
        return timesWord(reasons.size()) + (distinct.size() == 1 ? "均以" : "先后以") + quoted(distinct) + "为由退件";
    }

    /** 两次, 三次, 多次 (more than three), as the bulletin counts returns; 一次 for one. */
    static String timesWord(int times) {
        switch (times) {
            case 1:
                return "一次";
            case 2:
                return "两次";
            case 3:
                return "三次";
            default:
                return "多次";
        }
    }

    static List<String> distinct(List<String> reasons) {
        return List.copyOf(new LinkedHashSet<>(reasons));
    }

    /** “a”、“b”: every reason quoted, in order. */
    static String quoted(List<String> reasons) {
        return reasons.stream().map(reason -> "“" + reason.strip() + "”").collect(Collectors.joining("、"));
    }

    private PushbackTexts() {}
}
