package io.minxin.notice.review;

/**
 * A row of table 3 (较差件) and its explanation, as the review decided them.
 *
 * @param unitId the unit the 较差件 is charged to
 * @param unitName its name as table 3 prints it
 * @param reason 原因, 推诿
 * @param explanation the account generated from the events with the operator's ruling (情况说明)
 */
public record ReviewedPoorCase(
        String caseId, String title, String unitId, String unitName, String reason, String explanation) {}
