package io.minxin.console.web;

import io.minxin.console.api.ApiFailure;
import io.minxin.servicekit.identity.CallerContext;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The model every page shares ({@code frame}, {@code fmt}) and what a page shows when an API call fails: a 403 page
 * that says the person may not see this, an empty state for a month without data, an error state when the APIs do
 * not answer. An htmx request gets the message alone, to show in the page's alert region.
 */
@ControllerAdvice
class PageAdvice {
    private static final Formats FORMATS = new Formats();

    private final Periods periods;

    PageAdvice(Periods periods) {
        this.periods = periods;
    }

    @ModelAttribute("frame")
    Mono<PageFrame> frame(ServerWebExchange exchange) {
        return frameOf(exchange);
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return FORMATS;
    }

    Mono<PageFrame> frameOf(ServerWebExchange exchange) {
        String csrf = exchange.getRequest().getHeaders().getFirst(PageFrame.CSRF_HEADER);
        return CallerContext.current()
                .map(Viewer::of)
                .defaultIfEmpty(Viewer.NOBODY)
                .map(viewer -> new PageFrame(
                        viewer,
                        csrf == null ? "" : csrf,
                        periods.defaultPeriod().toString()));
    }

    @ExceptionHandler(ApiFailure.class)
    Mono<Rendering> apiFailed(ApiFailure failure, ServerWebExchange exchange) {
        Problem problem = Problem.of(failure, monthAskedFor(exchange));
        String view = Htmx.isHtmx(exchange) ? "fragments/alert :: alert" : "error/page";
        return frameOf(exchange)
                .map(frame -> Rendering.view(view)
                        .status(problem.status())
                        .model(Map.of("frame", frame, "fmt", FORMATS, "problem", problem))
                        .build());
    }

    /** The month a request is about ({@code …/2020-09…} or {@code ?period=2020-09}), named for the person. */
    private static String monthAskedFor(ServerWebExchange exchange) {
        String query = exchange.getRequest().getQueryParams().getFirst("period");
        Matcher inPath = MONTH.matcher(exchange.getRequest().getPath().value());
        String period = query != null ? query : inPath.find() ? inPath.group() : null;
        return Periods.parse(period).map(FORMATS::month).orElse("这个月份");
    }

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** What a failed page tells the person: what happened and what to do next. */
    record Problem(HttpStatus status, String title, String message, String next) {
        static Problem of(ApiFailure failure, String month) {
            if (failure.forbidden()) {
                return new Problem(HttpStatus.FORBIDDEN, "无权查看", "您的账户无权查看或办理这项内容。", "如确需查看，请联系营商局的系统管理员调整账户的角色或范围。");
            }
            if (failure.notFound()) {
                return new Problem(
                        HttpStatus.NOT_FOUND, "暂无数据", month + "还没有数据。", "请选择其他月份；若本月应当已有数据，请联系运维人员确认受理事件已经导入。");
            }
            if (failure.unavailable()) {
                return new Problem(HttpStatus.BAD_GATEWAY, "暂时无法取得数据", "数据服务暂时没有响应。", "请稍后刷新页面重试；若一直如此，请联系运维人员检查服务状态。");
            }
            HttpStatus status = HttpStatus.resolve(failure.status());
            return new Problem(
                    status == null ? HttpStatus.BAD_REQUEST : status,
                    "未能办理",
                    failure.detail() == null ? "请求未被接受。" : "请求未被接受：" + failure.detail(),
                    "请检查填写的内容后重试。");
        }
    }
}
