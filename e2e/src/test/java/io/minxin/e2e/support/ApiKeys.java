package io.minxin.e2e.support;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The gateway's bootstrap keys of one test run ({@code mx_<id>_<secret>}), and the first password of the console's
 * account {@code operator}, generated fresh so nothing secret is committed and a developer's keys never apply.
 */
public record ApiKeys(String operator, String integration, String dashboard, String operatorPassword) {

    static ApiKeys generate() {
        SecureRandom random = new SecureRandom();
        byte[] password = new byte[18];
        random.nextBytes(password);
        return new ApiKeys(
                key("e2eop", random),
                key("e2eint", random),
                key("e2edash", random),
                HexFormat.of().formatHex(password));
    }

    private static String key(String idPrefix, SecureRandom random) {
        byte[] id = new byte[4];
        byte[] secret = new byte[24];
        random.nextBytes(id);
        random.nextBytes(secret);
        return "mx_" + idPrefix + HexFormat.of().formatHex(id) + "_"
                + HexFormat.of().formatHex(secret);
    }
}
