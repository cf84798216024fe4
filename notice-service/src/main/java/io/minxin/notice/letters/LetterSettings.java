package io.minxin.notice.letters;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 提示函 as documents; the 发文机关标志, the issuing body and the 印发机关 are the bulletin's ({@code
 * minxin.bulletin.issuer}).
 *
 * @param numberPrefix prefix of a letter's 发文字号, e.g. 兴隆营商提示 (兴隆营商提示〔2020〕3号)
 * @param copyTo 抄送 of every letter, in its 版记; empty: none
 */
@ConfigurationProperties("minxin.notice.letters")
public record LetterSettings(@DefaultValue("兴隆营商提示") String numberPrefix, List<String> copyTo) {
    public LetterSettings {
        copyTo = copyTo == null ? List.of() : List.copyOf(copyTo);
    }
}
