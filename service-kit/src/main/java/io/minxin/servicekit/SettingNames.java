package io.minxin.servicekit;

import java.util.Locale;

/** How a {@code minxin.*} setting is named in the environment: the one rule the README table and the code share. */
public final class SettingNames {
    private SettingNames() {}

    /**
     * The environment variable Minxin documents for {@code property}: dots and dashes as underscores, upper case
     * ({@code minxin.period.cut-off-day}: {@code MINXIN_PERIOD_CUT_OFF_DAY}), which Spring Boot's relaxed binding
     * reads as well as the form without dashes.
     */
    public static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
