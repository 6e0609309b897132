// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tenant.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QVector>

#include <optional>

namespace stocktake::tenantsim {

/// One interactive sign-in, in 12 bytes; its JSON is rendered when served.
struct SignInEvent {
    quint32 user = 0;
    quint32 second = 0;  ///< of its UTC day
    quint8 app = 0;      ///< index into Tenant::apps()
    quint8 number = 0;   ///< the person's n-th sign-in that day
    quint8 failure = 0;  ///< 0 = success, else 1 + index into simdata::failures()
};

/// The three signInActivity dates of a person (graph-facts §B.2), in seconds since the epoch
/// (UTC): cheap to compare for 300,000 people.
struct LastSignIns {
    std::optional<qint64> interactive;     ///< last interactive attempt, success or failure
    std::optional<qint64> nonInteractive;  ///< last token refresh
    std::optional<qint64> successful;      ///< last success of either kind
    /// METRICS.md last_active: the latest date that is present.
    [[nodiscard]] std::optional<qint64> lastActive() const;
    static QDateTime toDateTime(qint64 seconds);
};

/// Sign-ins generated per person and day from the seed: nothing is stored but a few days of
/// events, so 30 days of a 300,000-person tenant cost a few megabytes. signInActivity is derived
/// from the same events, so the log and the users' last sign-ins always agree.
class SignInModel {
public:
    explicit SignInModel(const Tenant &tenant);

    [[nodiscard]] int historyDays() const { return m_tenant.options().historyDays; }
    /// Day `offset` before now's date (0 = today) and its first instant.
    [[nodiscard]] QDate day(int offset) const;
    [[nodiscard]] QDateTime dayStart(int offset) const;
    [[nodiscard]] qint64 dayStartSeconds(int offset) const { return m_todaySeconds - qint64 {offset} * 86400; }
    [[nodiscard]] QDateTime time(int offset, const SignInEvent &event) const;
    [[nodiscard]] qint64 seconds(int offset, const SignInEvent &event) const
    {
        return dayStartSeconds(offset) + event.second;
    }

    [[nodiscard]] LastSignIns lastSignIns(const User &user) const;
    /// The `signInActivity` value: an object, or null for some who never signed in.
    [[nodiscard]] QJsonValue signInActivityJson(const User &user) const;

    /// The day's sign-ins, newest first (offset < historyDays()); a few days are cached.
    const QVector<SignInEvent> &events(int offset);
    /// A sign-in as Graph renders it; `only` names the properties wanted (empty: all).
    [[nodiscard]] QJsonObject eventJson(int offset, const SignInEvent &event, const QStringList &only = {}) const;

    /// Appends a person's sign-ins of one day (unsorted), whether or not the log still holds it.
    void userEvents(const User &user, int offset, QVector<SignInEvent> &out) const;

private:
    [[nodiscard]] int span(int offset) const;
    [[nodiscard]] quint64 appMask(const User &user) const;

    const Tenant &m_tenant;
    qint64 m_todaySeconds = 0;  ///< today's midnight (UTC) since the epoch
    int m_nowSeconds = 0;
    QVector<quint64> m_masks;
    QHash<int, QVector<SignInEvent>> m_days;
    QList<int> m_recent;  ///< cached days, most recently used last
};

}  // namespace stocktake::tenantsim
