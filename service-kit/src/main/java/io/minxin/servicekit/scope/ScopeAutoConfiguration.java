package io.minxin.servicekit.scope;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service's {@link UnitAccess}, with no jurisdictions known ({@link Jurisdictions#UNKNOWN}) unless the service
 * declares its own {@link Jurisdictions} bean.
 */
@AutoConfiguration
public class ScopeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Jurisdictions jurisdictions() {
        return Jurisdictions.UNKNOWN;
    }

    @Bean
    @ConditionalOnMissingBean
    UnitAccess unitAccess(Jurisdictions jurisdictions) {
        return new UnitAccess(jurisdictions);
    }
}
