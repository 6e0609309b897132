// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QVector>

#include <cstdint>

namespace stocktake::tenantsim {

/// One user in a few bytes; the JSON is rendered per page on demand.
struct User {
    quint32 index = 0;
    quint8 given = 0;
    quint8 family = 0;
    bool guest = false;
    bool enabled = true;
};

/// A deterministic tenant generated from a seed.
class Tenant {
public:
    Tenant(int users, quint64 seed);
    [[nodiscard]] const QVector<User> &users() const { return m_users; }
    [[nodiscard]] QJsonObject userJson(const User &user, const QSet<QString> &select) const;
    [[nodiscard]] QString userId(const User &user) const;
    [[nodiscard]] int guests() const;
    [[nodiscard]] int disabled() const;

private:
    QVector<User> m_users;
    quint64 m_seed;
};

}  // namespace stocktake::tenantsim
