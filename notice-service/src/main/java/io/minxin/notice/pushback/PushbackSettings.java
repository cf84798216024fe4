package io.minxin.notice.pushback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a return raises a 推诿 alert.
 *
 * @param unitReturns the n-th return of a case by the same unit raises an alert
 * @param caseReturns the n-th return of a case overall raises an alert
 */
@ConfigurationProperties("minxin.notice.pushback")
record PushbackSettings(
        @DefaultValue("2") int unitReturns,
        @DefaultValue("3") int caseReturns) {}
