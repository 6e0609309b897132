// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace stocktake::graph {
struct SignIn;
}

namespace stocktake::sync {

/// One UTC day's sign-ins folded into usage_daily's rows while they are fetched: per person and
/// app, the successes, the failures and the last successful sign-in. It gives what
/// StoreWriter::foldDay computes from signins_raw, without reading the day back: each event id
/// counts once (the raw table keeps it once), events without a person or an app are left out,
/// app ids are lower case. Only for a day fetched from its start; a day resumed part-way is
/// folded from the table, which holds its earlier part.
class DayUsageFold {
public:
    struct Row {
        QString userId;
        QString appId;
        qint64 signIns = 0;
        qint64 failures = 0;
        QDateTime lastSignIn;  ///< the latest success; invalid when there was none
    };

    /// The name an app signed in with, from the newest of its events that named it.
    struct AppName {
        QString displayName;
        QDateTime seen;
    };

    void add(const graph::SignIn &signIn);
    /// The rows in key order (person, app), as usage_daily's primary key sorts them.
    [[nodiscard]] QList<Row> rows() const;
    /// By app id (lower case): every event counts, with or without a person.
    [[nodiscard]] const QHash<QString, AppName> &appNames() const { return m_names; }
    [[nodiscard]] qsizetype events() const { return m_ids.size(); }
    void clear();

private:
    QSet<QString> m_ids;
    QHash<QPair<QString, QString>, Row> m_rows;
    QHash<QString, AppName> m_names;
};

}  // namespace stocktake::sync
