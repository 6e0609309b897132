// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace stocktake::graph {

std::optional<RetryPolicy::Ms> RetryPolicy::parseRetryAfter(QByteArrayView value, const QDateTime &nowUtc)
{
    const QByteArray text = value.trimmed().toByteArray();
    if (text.isEmpty() || text.size() > 64) {
        return std::nullopt;
    }
    bool allDigits = true;
    for (const char c : text) {
        allDigits = allDigits && c >= '0' && c <= '9';
    }
    if (allDigits) {
        // Anything past ten digits is absurd; saturate instead of overflowing.
        if (text.size() > 10) {
            return Ms(std::chrono::hours(24 * 365));
        }
        return std::chrono::duration_cast<Ms>(std::chrono::seconds(text.toLongLong()));
    }
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"; the obsolete forms are not sent by Graph.
    const QString s = QString::fromLatin1(text);
    QDateTime when = QLocale::c().toDateTime(s, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid()) {
        return std::nullopt;
    }
    when.setTimeZone(QTimeZone::utc());
    const qint64 ms = nowUtc.msecsTo(when);
    return Ms(std::max<qint64>(0, ms));
}

RetryPolicy::Ms RetryPolicy::backoff(int attempt, QRandomGenerator &random) const
{
    const int shift = std::clamp(attempt - 1, 0, 30);
    const qint64 base = std::max<qint64>(1, backoffBase.count());
    const qint64 cap = std::max<qint64>(base, backoffMax.count());
    const qint64 d = std::min(cap, base << std::min(shift, 20));
    const qint64 half = d / 2;
    return Ms(half + static_cast<qint64>(random.generate64() % static_cast<quint64>(d - half + 1)));
}

RetryPolicy::Ms RetryPolicy::delayFor(std::optional<Ms> retryAfter, int attempt, QRandomGenerator &random) const
{
    if (retryAfter) {
        return std::min(*retryAfter, retryAfterCap);
    }
    return backoff(attempt, random);
}

}  // namespace stocktake::graph
