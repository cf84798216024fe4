package io.minxin.notice.issue;

import io.minxin.notice.bulletin.BulletinFacts;
import java.time.Instant;

/**
 * A bulletin as issued: its facts are frozen, so it renders the same later whatever arrives afterwards.
 *
 * @param documentNumber the 发文字号 as printed, e.g. 兴隆营商督字〔2020〕7号
 */
record IssuedBulletin(String period, String documentNumber, Instant issuedAt, BulletinFacts facts) {}
