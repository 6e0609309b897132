// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/reporttable.h"

#include <QStringList>

namespace stocktake::testing {

/// A cell as plain text for comparisons: empty, a number, a decimal, true/false, ISO 8601 UTC.
inline QString cellText(const insights::Cell &cell)
{
    struct Visitor {
        QString operator()(std::monostate /*empty*/) const { return {}; }
        QString operator()(const QString &s) const { return s; }
        QString operator()(qint64 n) const { return QString::number(n); }
        QString operator()(const insights::Decimal &d) const { return d.text; }
        QString operator()(bool b) const { return b ? QStringLiteral("true") : QStringLiteral("false"); }
        QString operator()(const QDateTime &t) const
        {
            return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
        }
    };
    return std::visit(Visitor {}, cell);
}

inline QStringList rowText(const QList<insights::Cell> &row)
{
    QStringList out;
    for (const insights::Cell &c : row)
        out.append(cellText(c));
    return out;
}

/// `a|b|c` → {"a", "b", "c"}, keeping empty cells.
inline QStringList cells(const char *pipeSeparated)
{
    return QString::fromUtf8(pipeSeparated).split(u'|');
}

}  // namespace stocktake::testing
