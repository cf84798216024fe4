package io.minxin.notice.issue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Numbering of issued bulletins. The 发文字号 counts per year and is shared with the office's other documents,
 * so an operator may give it explicitly when issuing; the numbers continue after the highest one used.
 *
 * @param firstNumber 发文字号 sequence of the first bulletin of a year when none was issued yet
 * @param firstSequence 第N期 of the first bulletin ever issued here
 */
@ConfigurationProperties("minxin.notice.issue")
record IssueSettings(
        @DefaultValue("1") int firstNumber,
        @DefaultValue("1") int firstSequence) {}
