package io.minxin.console.policy;

import io.minxin.console.api.Policy;
import io.minxin.console.web.Refusal;
import io.minxin.events.Channel;
import java.util.List;

/**
 * What the policies page shows of one channel: its current version, the form (as it opens, or as typed), and after a
 * press of a button the 预览 comparison, the API's refusal, or the version just saved.
 *
 * @param versions every version of the channel, newest first (the current one included)
 * @param comparison the 预览, or null
 * @param refusal why the API refused the form, or null
 * @param saved the version just stored, or null
 */
record PolicyCard(
        Channel channel,
        Policy current,
        List<Policy> versions,
        PolicyForm form,
        RankComparison comparison,
        Refusal refusal,
        Policy saved) {

    /** The versions before the current one, newest first. */
    public List<Policy> earlier() {
        return versions.stream()
                .filter(version -> version.version() != current.version())
                .toList();
    }

    public String label() {
        return channel == Channel.PHONE ? "话务端" : "网络端";
    }
}
