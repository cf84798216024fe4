package io.minxin.notice.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.identity.Scope;
import io.minxin.notice.issue.BulletinIssuing.BulletinView;
import io.minxin.notice.issue.BulletinIssuing.Status;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class BulletinScopeTest {
    private static final BulletinView DRAFT =
            new BulletinView("2020-09", Status.DRAFT, 0, "兴隆营商督字〔2026〕1号", null, null, null, List.of(), null, Map.of());
    private static final BulletinView ISSUED = new BulletinView(
            "2020-09",
            Status.ISSUED,
            0,
            "兴隆营商督字〔2020〕7号",
            Instant.parse("2020-10-10T02:00:00Z"),
            "op-1",
            "",
            List.of(),
            null,
            null);

    @Test
    void anIssuedBulletinIsDistributedToEveryUnit() {
        assertThat(BulletinScope.readable(Scope.unit("U01"), ISSUED)).isSameAs(ISSUED);
        assertThat(BulletinScope.readable(Scope.jurisdiction("xinglongtai"), ISSUED))
                .isSameAs(ISSUED);
    }

    @Test
    void aDraftIsReadByCityWideCallersOnly() {
        assertThat(BulletinScope.readable(Scope.ALL, DRAFT)).isSameAs(DRAFT);
        assertThatThrownBy(() -> BulletinScope.readable(Scope.unit("U01"), DRAFT))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(refusal.getMessage()).contains("draft bulletin of 2020-09");
                });
    }
}
