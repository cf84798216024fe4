package io.minxin.console.policy;

import io.minxin.console.api.Policy;
import io.minxin.console.web.Refusal;
import io.minxin.events.Channel;

/**
 * What the policies page shows of one channel: its current version, the form (as it opens, or as typed), and after a
 * press of a button the 预览 comparison, the API's refusal, or the version just saved.
 *
 * @param versions how many versions the channel has
 * @param comparison the 预览, or null
 * @param refusal why the API refused the form, or null
 * @param saved the version just stored, or null
 */
record PolicyCard(
        Channel channel,
        Policy current,
        int versions,
        PolicyForm form,
        RankComparison comparison,
        Refusal refusal,
        Policy saved) {

    public String label() {
        return channel == Channel.PHONE ? "话务端" : "网络端";
    }
}
