// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/requestpacer.h"
#include "graph/retrypolicy.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace stocktake::graph;
using namespace std::chrono_literals;
using Ms = std::chrono::milliseconds;

class TestThrottling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retryAfterIsParsed_data();
    void retryAfterIsParsed();
    void retryAfterIsCapped();
    void backoffStaysWithinEqualJitterBounds();
    void backoffIsJittered();
    void pacerKeepsAtMostBudgetInAnyWindow();
    void pacerCountsResourceUnits();
    void pacerBlocksClassAfterRetryAfter();
    void graphBudgetsMatchPublishedLimits();
};

void TestThrottling::retryAfterIsParsed_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs");  // -1 = unreadable
    QTest::newRow("seconds") << QByteArray("7") << qint64(7000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("spaces") << QByteArray("  12 ") << qint64(12000);
    QTest::newRow("http-date ahead") << QByteArray("Sun, 02 Feb 2025 10:00:30 GMT") << qint64(30000);
    QTest::newRow("http-date past") << QByteArray("Sun, 02 Feb 2025 09:59:00 GMT") << qint64(0);
    QTest::newRow("huge") << QByteArray("99999999999999999999") << qint64(365LL * 24 * 3600 * 1000);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void TestThrottling::retryAfterIsParsed()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2025, 2, 2), QTime(10, 0, 0), QTimeZone::utc());
    const auto parsed = RetryPolicy::parseRetryAfter(value, now);
    if (expectedMs < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->count(), expectedMs);
    }
}

void TestThrottling::retryAfterIsCapped()
{
    RetryPolicy policy;
    QRandomGenerator random(1);
    QCOMPARE(policy.delayFor(Ms(999999000), 1, random), Ms(300000));
    QCOMPARE(policy.delayFor(Ms(4000), 1, random), Ms(4000));
}

void TestThrottling::backoffStaysWithinEqualJitterBounds()
{
    RetryPolicy policy;
    policy.backoffBase = 1000ms;
    policy.backoffMax = 64000ms;
    QRandomGenerator random(42);
    for (int attempt = 1; attempt <= 12; ++attempt) {
        const qint64 d = std::min<qint64>(64000, 1000LL << (attempt - 1));
        for (int i = 0; i < 200; ++i) {
            const qint64 wait = policy.backoff(attempt, random).count();
            QVERIFY2(wait >= d / 2 && wait <= d, qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(wait)));
        }
    }
}

void TestThrottling::backoffIsJittered()
{
    RetryPolicy policy;
    QRandomGenerator random(7);
    QSet<qint64> seen;
    for (int i = 0; i < 50; ++i) {
        seen.insert(policy.backoff(3, random).count());
    }
    QVERIFY2(seen.size() > 20, "fifty clients must not all wait the same time");
}

void TestThrottling::pacerKeepsAtMostBudgetInAnyWindow()
{
    RequestPacer pacer(5, 10s);
    const auto t0 = RequestPacer::Clock::time_point {} + 1000s;
    auto now = t0;
    QList<RequestPacer::Clock::time_point> sent;
    // A client that asks again exactly when told: 20 sends.
    while (sent.size() < 20) {
        const Ms wait = pacer.tryAcquire(1, now);
        if (wait == Ms(0)) {
            sent.append(now);
        } else {
            now += wait;
        }
    }
    for (qsizetype i = 5; i < sent.size(); ++i) {
        QVERIFY2(sent.at(i) - sent.at(i - 5) >= 10s, qPrintable(QString::number(i)));
    }
    // And no slower than the budget allows: 20 sends in 3 windows (+ rounding).
    QVERIFY(sent.last() - t0 <= 30s + 10ms);
}

void TestThrottling::pacerCountsResourceUnits()
{
    RequestPacer pacer(10, 1s);
    const auto t0 = RequestPacer::Clock::time_point {} + 100s;
    QCOMPARE(pacer.tryAcquire(4, t0), Ms(0));
    QCOMPARE(pacer.tryAcquire(4, t0), Ms(0));
    const Ms wait = pacer.tryAcquire(4, t0);
    QVERIFY(wait > Ms(0) && wait <= Ms(1001));
    QCOMPARE(pacer.inWindow(t0), 8);
    QCOMPARE(pacer.tryAcquire(2, t0), Ms(0));  // a small one still fits
    QCOMPARE(pacer.tryAcquire(4, t0 + wait), Ms(0));
}

void TestThrottling::pacerBlocksClassAfterRetryAfter()
{
    RequestPacer pacer(100, 1s);
    const auto t0 = RequestPacer::Clock::time_point {} + 100s;
    pacer.blockUntil(t0 + 3s);
    QCOMPARE(pacer.tryAcquire(1, t0), Ms(3000));
    QCOMPARE(pacer.tryAcquire(1, t0 + 3s), Ms(0));
}

void TestThrottling::graphBudgetsMatchPublishedLimits()
{
    // graph-facts §C.4: reports 5 per 10 s; signInActivity 10 per minute; directory 8,000 RU
    // per 10 s (with 10 % kept back); usage CSV 14 per 10 min.
    QCOMPARE(RequestPacer::forBudget(Budget::Reports).budget(), 5);
    QCOMPARE(RequestPacer::forBudget(Budget::Reports).window(), Ms(10500));
    QCOMPARE(RequestPacer::forBudget(Budget::SignInActivity).budget(), 10);
    QCOMPARE(RequestPacer::forBudget(Budget::SignInActivity).window(), Ms(61500));
    QCOMPARE(RequestPacer::forBudget(Budget::Directory).budget(), 7200);
    QCOMPARE(RequestPacer::forBudget(Budget::Directory, 1.0).budget(), 8000);
    QCOMPARE(RequestPacer::forBudget(Budget::UsageReports).budget(), 14);
}

QTEST_GUILESS_MAIN(TestThrottling)
#include "tst_throttling.moc"
