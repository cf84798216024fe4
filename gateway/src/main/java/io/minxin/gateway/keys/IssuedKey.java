package io.minxin.gateway.keys;

/**
 * A key just created: the stored part and, this once, the key itself.
 *
 * @param stored what the store keeps
 * @param value the full {@code mx_<id>_<secret>} key; never stored, logged or shown again
 */
public record IssuedKey(ApiKey stored, String value) {
    @Override
    public String toString() {
        return "IssuedKey[stored=" + stored + ", value=***]";
    }
}
