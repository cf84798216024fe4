package io.minxin.console.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import org.junit.jupiter.api.Test;

class AccountPagesTest extends ConsoleTestSupport {

    private String signIn(String query) {
        return signIn(query, "");
    }

    /**
     * The sign-in page with the gateway's header naming the identity providers ({@code ""}: none); every control on
     * it has a label.
     */
    private String signIn(String query, String providers) {
        return labelled("/console/sign-in" + query, signInPage(query, providers));
    }

    private String signInPage(String query, String providers) {
        return client.get()
                .uri("/console/sign-in" + query)
                .header("X-Minxin-Csrf", CSRF)
                .header(AccountController.PROVIDERS_HEADER, providers)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void givenNoSessionThenTheSignInFormPostsToTheGatewayWithTheSessionsCsrfToken() {
        assertThat(signIn(""))
                .contains("action=\"/console/sign-in\"", "method=\"post\"")
                .contains("name=\"_csrf\" value=\"" + CSRF + "\"")
                .contains("<label for=\"username\">", "<label for=\"password\">")
                .doesNotContain("主导航", "退出登录");
    }

    @Test
    void givenTheGatewayNamesIdentityProvidersThenTheSignInPageOffersEachAndNoneOtherwise() {
        String page = signIn(
                "?error=no-account",
                "city=%E7%9B%98%E9%94%A6%E5%B8%82%E7%BB%9F%E4%B8%80%E8%BA%AB%E4%BB%BD%E8%AE%A4%E8%AF%81,bad id=x");
        look("sign-in-with-provider", page);

        assertThat(page)
                .contains("href=\"/console/oauth2/authorization/city\"", "使用盘锦市统一身份认证登录")
                .contains("民心中没有同名账户，请联系营商局管理员开通")
                .doesNotContain("bad id");
        assertThat(signIn("")).doesNotContain("统一身份认证");
    }

    @Test
    void givenTheGatewaysAnswerInTheQueryThenTheSignInPageSaysWhatHappened() {
        assertThat(signIn("?error=invalid")).contains("用户名或密码不正确");
        assertThat(signIn("?error=locked")).contains("连续失败次数过多，账户已锁定，请稍后再试");
        assertThat(signIn("?signedOut")).contains("您已退出登录");
        assertThat(signIn("?error=expired")).contains("页面已过期，请重新登录");
    }

    @Test
    void givenASignedInPersonThenTheAccountPageHasThePasswordFormAndItsMessages() {
        assertThat(page("/console/account", LIAISON))
                .contains("action=\"/console/account/password\"")
                .contains(
                        "<label for=\"current\">",
                        "<label for=\"password\">",
                        "<label for=\"repeat\">",
                        "name=\"repeat\"")
                .contains("name=\"_csrf\" value=\"" + CSRF + "\"")
                .contains("cj.liaison", "承办单位联络员");
        assertThat(page("/console/account?changed", OPERATOR)).contains("密码已修改");
        assertThat(page("/console/account?error=wrong", OPERATOR)).contains("当前密码不正确");
        assertThat(page("/console/account?error=short", OPERATOR)).contains("新密码太短");
    }

    @Test
    void givenTextFromTheQueryThenItIsNeverRenderedAsMarkup() {
        assertThat(signIn("?error=%3Cscript%3Ealert(1)%3C/script%3E"))
                .doesNotContain("<script>alert(1)")
                .contains("登录未成功，请重试");
    }
}
