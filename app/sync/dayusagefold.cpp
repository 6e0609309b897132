// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayusagefold.h"

#include "graph/records.h"

#include <algorithm>

namespace stocktake::sync {

void DayUsageFold::add(const graph::SignIn &signIn)
{
    if (!signIn.appId) {
        m_ids.insert(signIn.id);
        return;  // names no app: counts for nothing here
    }
    const QString appId = signIn.appId->toLower();
    if (signIn.appDisplayName) {
        AppName &name = m_names[appId];
        if (!name.seen.isValid() || signIn.createdDateTime > name.seen)
            name = AppName {*signIn.appDisplayName, signIn.createdDateTime};
    }
    const qsizetype before = m_ids.size();
    m_ids.insert(signIn.id);
    if (m_ids.size() == before || !signIn.userId)
        return;  // a repeat of an event already counted, or one that names no person
    Row &row = m_rows[qMakePair(*signIn.userId, appId)];
    if (row.userId.isEmpty()) {
        row.userId = *signIn.userId;
        row.appId = appId;
    }
    if (signIn.errorCode != 0) {
        ++row.failures;
        return;
    }
    ++row.signIns;
    if (!row.lastSignIn.isValid() || signIn.createdDateTime > row.lastSignIn)
        row.lastSignIn = signIn.createdDateTime;
}

QList<DayUsageFold::Row> DayUsageFold::rows() const
{
    QList<Row> rows;
    rows.reserve(m_rows.size());
    for (const Row &row : m_rows)
        rows.append(row);
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const int byUser = a.userId.compare(b.userId);
        return byUser != 0 ? byUser < 0 : a.appId < b.appId;
    });
    return rows;
}

void DayUsageFold::clear()
{
    m_ids.clear();
    m_rows.clear();
    m_names.clear();
}

}  // namespace stocktake::sync
