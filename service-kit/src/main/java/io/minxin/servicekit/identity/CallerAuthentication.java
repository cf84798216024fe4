package io.minxin.servicekit.identity;

import io.minxin.events.identity.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A call whose identity token was verified: the {@link Caller} it names, with the role as the one authority
 * ({@code ROLE_OPERATOR}, …) the route rules check.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {
    private final transient Caller caller;

    public CallerAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getPrincipal() {
        return caller.keyId();
    }

    /** The token was checked and is not kept: nothing downstream needs it. */
    @Override
    public Object getCredentials() {
        return "";
    }
}
