// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenant.h"

#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace stocktake::tenantsim {

namespace {
// Danish, German, CJK and RTL (Arabic, Hebrew) names next to plain ones.
const std::array<const char *, 8> kGiven {"Søren", "Jürgen", "Ælfrida", "美咲", "محمد", "דוד", "Anna", "Grüße"};
const std::array<const char *, 8> kFamily {"Østergård", "Müller", "Straße", "田中", "العلي", "כהן", "Smith", "Åberg"};
}  // namespace

Tenant::Tenant(int users, quint64 seed)
    : m_seed(seed)
{
    QRandomGenerator rng(static_cast<quint32>(seed));
    m_users.reserve(users);
    for (int i = 0; i < users; ++i) {
        User u;
        u.index = static_cast<quint32>(i);
        u.given = static_cast<quint8>(rng.bounded(static_cast<int>(kGiven.size())));
        u.family = static_cast<quint8>(rng.bounded(static_cast<int>(kFamily.size())));
        u.guest = rng.bounded(20) == 0;
        u.enabled = rng.bounded(25) != 0;
        m_users.append(u);
    }
}

QString Tenant::userId(const User &user) const
{
    // A GUID-shaped id unique per (seed, index).
    const quint64 a = m_seed * 0x9E3779B97F4A7C15ULL + user.index;
    return QStringLiteral("%1-%2-4%3-8%4-%5")
        .arg(static_cast<quint32>(a >> 32), 8, 16, QLatin1Char('0'))
        .arg(static_cast<quint32>(a >> 16) & 0xffffU, 4, 16, QLatin1Char('0'))
        .arg(static_cast<quint32>(a) & 0xfffU, 3, 16, QLatin1Char('0'))
        .arg(user.index >> 20U, 3, 16, QLatin1Char('0'))
        .arg(user.index & 0xfffffU, 12, 16, QLatin1Char('0'));
}

QJsonObject Tenant::userJson(const User &user, const QSet<QString> &select) const
{
    const QString given = QString::fromUtf8(kGiven.at(user.given));
    const QString family = QString::fromUtf8(kFamily.at(user.family));
    const QString mail = QStringLiteral("user%1").arg(user.index);
    const QString upn = user.guest ? QStringLiteral("%1_fabrikam.example#EXT#@contoso.example").arg(mail)
                                   : QStringLiteral("%1@contoso.example").arg(mail);
    QJsonObject all {{QStringLiteral("id"), userId(user)},
        {QStringLiteral("displayName"), QString(given + u' ' + family)}, {QStringLiteral("givenName"), given},
        {QStringLiteral("surname"), family}, {QStringLiteral("userPrincipalName"), upn},
        {QStringLiteral("accountEnabled"), user.enabled},
        {QStringLiteral("userType"), user.guest ? QStringLiteral("Guest") : QStringLiteral("Member")},
        // A field Stocktake does not know, as real Graph returns many.
        {QStringLiteral("preferredLanguage"), QStringLiteral("da-DK")}};
    if (select.isEmpty()) {
        return all;
    }
    QJsonObject out {{QStringLiteral("id"), all.value(QStringLiteral("id"))}};
    for (const QString &field : select) {
        if (all.contains(field)) {
            out.insert(field, all.value(field));
        }
    }
    return out;
}

int Tenant::guests() const
{
    return static_cast<int>(std::count_if(m_users.begin(), m_users.end(), [](const User &u) { return u.guest; }));
}

int Tenant::disabled() const
{
    return static_cast<int>(std::count_if(m_users.begin(), m_users.end(), [](const User &u) { return !u.enabled; }));
}

}  // namespace stocktake::tenantsim
