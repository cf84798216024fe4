package io.minxin.notice.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the bulletin ({@code minxin.bulletin.*}): who issues it and, optionally, replaced texts.
 *
 * @param texts overrides of {@code bulletin/texts.properties}, e.g. {@code minxin.bulletin.texts.title}
 * @param issuer the issuing body's fixed data
 * @param jurisdictions per jurisdiction id (of {@code minxin.unit.registered}), who issues that jurisdiction's
 *     bulletin, e.g. {@code minxin.bulletin.jurisdictions.211102.number-prefix} (env {@code
 *     MINXIN_BULLETIN_JURISDICTIONS_211102_NUMBER_PREFIX}; also title, header, office, signer, issuing-office,
 *     report-to, send-to); what it leaves unset, and a jurisdiction it does not name, is {@code issuer}'s
 */
@ConfigurationProperties(prefix = "minxin.bulletin")
public record BulletinProperties(
        Map<String, String> texts, Issuer issuer, Map<String, JurisdictionIssuer> jurisdictions) {

    /** Settings without a jurisdiction's own issuer. */
    public BulletinProperties(Map<String, String> texts, Issuer issuer) {
        this(texts, issuer, null);
    }

    @ConstructorBinding
    public BulletinProperties {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        issuer = issuer == null ? Issuer.reference() : issuer;
        jurisdictions = jurisdictions == null ? Map.of() : Map.copyOf(jurisdictions);
    }

    /** Who issues the bulletin of {@code jurisdiction}: the platform's {@link #issuer} for null or one not set. */
    public Issuer issuer(String jurisdiction) {
        JurisdictionIssuer own = jurisdiction == null ? null : jurisdictions.get(jurisdiction);
        return own == null ? issuer : own.over(issuer);
    }

    /**
     * The title of the bulletin of {@code jurisdiction} named {@code name}: null (the texts' {@code title}) for the
     * platform's; a jurisdiction's own from its settings, else text {@code jurisdiction-title} with its name, so that
     * a district's bulletin never carries the platform's title.
     */
    public String title(String jurisdiction, String name) {
        if (jurisdiction == null) {
            return null;
        }
        JurisdictionIssuer own = jurisdictions.get(jurisdiction);
        return own != null && own.title() != null
                ? own.title()
                : bulletinTexts().format(BulletinTexts.Text.JURISDICTION_TITLE, name);
    }

    /**
     * A jurisdiction's issuer: each value unset (null) is the platform issuer's.
     *
     * @param title the bulletin's title (default: text {@code jurisdiction-title} with the jurisdiction's name)
     * @param header 发文机关标志
     * @param office the issuing body
     * @param numberPrefix prefix of the 发文字号; give each jurisdiction its own, as each numbers from 1 every year
     * @param signer 签发人
     * @param issuingOffice 印发机关
     * @param reportTo 报
     * @param sendTo 送
     */
    public record JurisdictionIssuer(
            String title,
            String header,
            String office,
            String numberPrefix,
            String signer,
            String issuingOffice,
            List<String> reportTo,
            List<String> sendTo) {

        Issuer over(Issuer platform) {
            return new Issuer(
                    header == null ? platform.header() : header,
                    office == null ? platform.office() : office,
                    numberPrefix == null ? platform.numberPrefix() : numberPrefix,
                    signer == null ? platform.signer() : signer,
                    issuingOffice == null ? platform.issuingOffice() : issuingOffice,
                    reportTo == null ? platform.reportTo() : reportTo,
                    sendTo == null ? platform.sendTo() : sendTo);
        }
    }

    /** The texts to compose with; fails on an unknown key or a malformed text. */
    public BulletinTexts bulletinTexts() {
        return BulletinTexts.withOverrides(texts);
    }

    /**
     * What stays the same from one bulletin to the next; an unset value takes the reference bulletin's.
     *
     * @param header 发文机关标志
     * @param office the issuing body
     * @param numberPrefix prefix of the 发文字号, e.g. 兴隆营商督字
     * @param signer 签发人
     * @param issuingOffice 印发机关
     * @param reportTo 报
     * @param sendTo 送
     */
    public record Issuer(
            String header,
            String office,
            String numberPrefix,
            String signer,
            String issuingOffice,
            List<String> reportTo,
            List<String> sendTo) {

        private static final Issuer REFERENCE = new Issuer(
                "盘锦市兴隆台区营商环境建设局文件",
                "区营商环境建设局",
                "兴隆营商督字",
                "王兴江",
                "区营商环境建设局办公室",
                List.of("区委书记", "区委副书记", "区委常委", "区长", "各位副区长"),
                List.of("区纪委监委", "区委巡察办", "区委区政府督查室", "区内各联网平台单位"));

        public Issuer {
            header = header == null ? REFERENCE.header : header;
            office = office == null ? REFERENCE.office : office;
            numberPrefix = numberPrefix == null ? REFERENCE.numberPrefix : numberPrefix;
            signer = signer == null ? REFERENCE.signer : signer;
            issuingOffice = issuingOffice == null ? REFERENCE.issuingOffice : issuingOffice;
            reportTo = reportTo == null ? REFERENCE.reportTo : List.copyOf(reportTo);
            sendTo = sendTo == null ? REFERENCE.sendTo : List.copyOf(sendTo);
        }

        /** The issuer of the reference bulletin. */
        public static Issuer reference() {
            return REFERENCE;
        }

        /**
         * The issue data of one bulletin.
         *
         * @param year year of the 发文字号
         * @param number sequence of the 发文字号 in that year
         * @param sequence the issue of the series (第N期)
         * @param issueDate 印发日期
         */
        public BulletinFacts.Issue issue(int year, int number, int sequence, LocalDate issueDate) {
            return issue(year, number, sequence, issueDate, null);
        }

        /** As {@link #issue(int, int, int, LocalDate)}, titled {@code title} (null: the texts' title). */
        public BulletinFacts.Issue issue(int year, int number, int sequence, LocalDate issueDate, String title) {
            return new BulletinFacts.Issue(
                    header,
                    office,
                    new BulletinFacts.DocumentNumber(numberPrefix, year, number),
                    sequence,
                    signer,
                    issueDate,
                    title);
        }

        public BulletinFacts.Distribution distribution() {
            return new BulletinFacts.Distribution(reportTo, sendTo, issuingOffice);
        }
    }
}
