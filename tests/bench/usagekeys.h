// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <unordered_map>

namespace stocktake::bench {

/// usage_keys (schema 10) for a generated tenant: each object id's key, stored when first asked.
class UsageKeys {
public:
    explicit UsageKeys(const QSqlDatabase &db)
        : m_insert(db)
    {
        m_insert.prepare(QStringLiteral("INSERT INTO usage_keys (key, object_id) VALUES (?, ?)"));
    }

    /// The key of `objectId`, or -1 when it could not be stored.
    qint64 key(const QString &objectId)
    {
        if (const auto it = m_keys.find(objectId); it != m_keys.end())
            return it->second;
        const auto key = qint64(m_keys.size()) + 1;
        m_insert.addBindValue(key);
        m_insert.addBindValue(objectId);
        if (!m_insert.exec())
            return -1;
        m_keys.emplace(objectId, key);
        return key;
    }

private:
    QSqlQuery m_insert;
    std::unordered_map<QString, qint64> m_keys;
};

}  // namespace stocktake::bench
