package io.minxin.events.notice;

/** What a notice is about; the id prefix keeps ids of different kinds apart. */
public enum NoticeType {
    /** 推诿预警: a case returned repeatedly, raised at the return that crossed a threshold. */
    PUSHBACK_ALERT("pushback-alert"),
    /** 较差件 (推诿): a case concluded by a unit that returned it before. */
    PUSHBACK_CONFIRMED("pushback-confirmed"),
    /** A unit's closed period below a target. */
    TARGET_MISSED("target-missed"),
    /** During the period: a target that the unit can no longer reach. */
    TARGET_FORECAST("target-forecast"),
    /** 提示函: the 4th missed duty day of a unit in a month. */
    DUTY_LETTER("duty-letter"),
    /** 通报: the monthly bulletin was numbered and issued. */
    BULLETIN_ISSUED("bulletin-issued");

    private final String idPrefix;

    NoticeType(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** The deterministic id of a notice of this type: the prefix and the parts that make it unique. */
    public String id(Object... parts) {
        StringBuilder id = new StringBuilder(idPrefix);
        for (Object part : parts) {
            id.append('|').append(part);
        }
        return id.toString();
    }
}
