package io.minxin.notice.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requireRole operator routes need the header {@code X-Minxin-Role: operator}, which the gateway sets
 *     after checking the API key; false only for tests and local runs without the gateway
 */
@ConfigurationProperties("minxin.notice.operator")
record OperatorSettings(@DefaultValue("true") boolean requireRole) {}
