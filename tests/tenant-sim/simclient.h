// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tenantsim.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace stocktake::testing {

/// A blocking HTTP client for tests against a running tenant-sim: signs in through the device
/// code flow, sends Graph requests with (or without) the bearer token, never follows redirects.
class SimClient {
public:
    struct Reply {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers;  ///< lower-case names
        [[nodiscard]] QJsonObject json() const;
        [[nodiscard]] QJsonArray value() const { return json().value(QStringLiteral("value")).toArray(); }
        [[nodiscard]] QString nextLink() const;
    };

    explicit SimClient(const TenantSim &sim);

    /// Device code sign-in of a sim started with --auto-approve and --interval 0.
    bool signIn();
    [[nodiscard]] QByteArray token() const { return m_token; }

    /// GET a path below the sim (e.g. "/v1.0/users?$top=5") or an absolute URL.
    Reply get(const QString &pathOrUrl, bool withToken = true);
    Reply post(const QString &pathOrUrl, const QByteArray &body, const QByteArray &contentType, bool withToken = true);
    Reply postJson(const QString &path, const QJsonObject &body, bool withToken = true);

    /// Follows @odata.nextLink to the end; every item, the number of pages and the last page.
    struct Walk {
        QJsonArray items;
        int pages = 0;
        int failedStatus = 0;  ///< a non-200 answer stops the walk
        QJsonObject last;
    };
    Walk walk(const QString &pathOrUrl);
    /// The same without keeping the items (for 300,000 of them): each goes to `onItem`.
    Walk walk(const QString &pathOrUrl, const std::function<void(const QJsonObject &)> &onItem);

    [[nodiscard]] QUrl url(const QString &pathOrUrl) const;
    [[nodiscard]] QJsonObject truth() const;
    [[nodiscard]] QList<QJsonObject> requestLog() const;
    [[nodiscard]] QStringList violations();

    static const QString kTenant;
    static const QString kClient;

private:
    Reply send(const QByteArray &method, const QString &pathOrUrl, const QByteArray &body,
        const QByteArray &contentType, bool withToken);

    const TenantSim &m_sim;
    QNetworkAccessManager m_nam;
    QByteArray m_token;
};

/// The arguments every functional test starts the sim with: a fixed "now" so dates are stable.
QStringList simArguments(int users, const QStringList &more = {});

/// Peak resident memory of a process in KiB (VmHWM), -1 when unknown.
qint64 peakRssKiB(qint64 pid);

}  // namespace stocktake::testing
