// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Header and datetime text: Retry-After (seconds or HTTP-date) and Graph's ISO 8601 UTC form.
#include "graph/fieldreader.h"
#include "graph/retrypolicy.h"

#include <QTimeZone>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace stocktake::graph;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QDateTime now(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
    if (const auto wait = RetryPolicy::parseRetryAfter(bytes, now); wait && wait->count() < 0) {
        __builtin_trap();  // a wait is never negative
    }
    (void)FieldReader::parseUtc(QString::fromUtf8(bytes));
    return 0;
}
