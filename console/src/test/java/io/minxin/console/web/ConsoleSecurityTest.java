package io.minxin.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.events.identity.Role;
import io.minxin.servicekit.identity.ServicePortChecks;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Who gets which console route: the gateway's token on every page, none for sign-in and assets, writes operators'. */
class ConsoleSecurityTest extends ConsoleTestSupport {

    @Test
    void givenNoTokenWhenAPageIsAskedForThenTheAnswerIs401AndNoApiIsCalled() {
        client.get().uri("/console/").exchange().expectStatus().isUnauthorized();
        client.get().uri("/console/reviews").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/console/bulletins/2020-09.docx")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(API.calls()).isEmpty();
    }

    @Test
    void givenTokensThatAreNotTheGatewaysForTheConsoleThenEveryRouteRefusesThem() {
        ServicePortChecks checks = new ServicePortChecks(client, AUDIENCE);
        checks.refusesCallsWithoutAValidToken(HttpMethod.GET, "/console/");
        checks.refusesCallsWithoutAValidToken(HttpMethod.POST, "/console/reviews/614418/ruling");
        checks.leavesProbesOpen();
    }

    @Test
    void givenALeaderWhenTheyPostARulingThenTheConsoleRefuses403AndTheApiIsNeverCalled() {
        client.post()
                .uri("/console/reviews/614418/ruling")
                .header(HttpHeaders.AUTHORIZATION, tokenOf(LEADER))
                .header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("verdict=CONFIRMED&ruling=x&period=2020-09")
                .exchange()
                .expectStatus()
                .isForbidden();
        new ServicePortChecks(client, AUDIENCE)
                .refusesRole(Role.DASHBOARD, HttpMethod.POST, "/console/bulletins/2020-09/issue");
        assertThat(API.calls()).isEmpty();
    }

    @Test
    void givenNoTokenThenTheSignInPageAndTheAssetsAreServed() {
        client.get().uri("/console/sign-in").exchange().expectStatus().isOk();
        client.get()
                .uri("/console/assets/console.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css");
        client.get()
                .uri("/console/assets/month-trend.js")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/console/webjars/htmx.org/dist/htmx.min.js")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/console/webjars/echarts/dist/echarts.min.js")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void givenNoTokenWhenTheSignInFormIsPostedHereThenItIsRefused() {
        // the gateway answers POST /console/sign-in itself; one that reaches the console is refused
        client.post().uri("/console/sign-in").exchange().expectStatus().isUnauthorized();
    }
}
