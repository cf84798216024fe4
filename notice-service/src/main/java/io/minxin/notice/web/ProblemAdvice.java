package io.minxin.notice.web;

import io.minxin.servicekit.problem.ProblemAdviceSupport;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal as RFC 9457 problem JSON: subscriptions, bulletins and notices throw ProblemException. */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceSupport {}
