/**
 * Human decisions of the month (较差件 rulings, disputes 申诉, exclusions 剔除, the bulletin's draft, issue and
 * 更正, acknowledged 提示函): every one is a {@link io.minxin.events.decision.Decision} on topic {@code decisions},
 * keyed by {@link io.minxin.events.decision.Decision#key()} so that a replay of the topic reproduces every
 * projection. MongoDB holds projections of them only.
 */
package io.minxin.events.decision;
