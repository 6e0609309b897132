// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/tokensource.h"
#include "secrets/secretbytes.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace stocktake::testing {

inline const QString kSimTenant = QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04");
inline const QString kSimClient = QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70");

/// A token source over one access token (a test or benchmark that signs in to the sim by itself).
class FixedTokenSource final : public graph::TokenSource {
public:
    explicit FixedTokenSource(QByteArray token)
        : m_token(std::move(token))
    { }
    void accessToken(TokenCallback done) override { done(secrets::SecretBytes::copyOf(m_token)); }
    void refreshAfterUnauthorized(TokenCallback done) override
    {
        done(core::Error {QStringLiteral("auth.refresh_failed"), QStringLiteral("Sign in again."), QString(),
            core::ExitCode::SignIn});
    }

private:
    QByteArray m_token;
};

/// One blocking request to the sim (test and benchmark set-up only; never on a measured path).
inline QByteArray simRequest(const QUrl &url, const QByteArray &method, const QByteArray &body = {},
    const QByteArray &contentType = "application/x-www-form-urlencoded", int *status = nullptr)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    if (!body.isEmpty() || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    if (status != nullptr)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

/// An access token from a sim started with --auto-approve, by the device-code grant; the polls
/// keep the sim's interval (`intervalSeconds`) so the sim logs no violation.
inline QByteArray simAccessToken(const QUrl &base, int intervalSeconds = 1)
{
    const QString oauth = QStringLiteral("/%1/oauth2/v2.0/").arg(kSimTenant);
    const QByteArray client = "client_id=" + kSimClient.toLatin1();
    const QJsonObject code
        = QJsonDocument::fromJson(simRequest(base.resolved(QUrl(oauth + QStringLiteral("devicecode"))), "POST",
                                      client + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default%20offline_access"))
              .object();
    const QByteArray poll = client + "&grant_type=urn:ietf:params:oauth:grant-type:device_code&device_code="
        + code.value(QStringLiteral("device_code")).toString().toLatin1();
    for (int attempt = 0; attempt < 4; ++attempt) {
        QThread::msleep(static_cast<unsigned long>(intervalSeconds * 1000 + 200));
        const QJsonObject r
            = QJsonDocument::fromJson(simRequest(base.resolved(QUrl(oauth + QStringLiteral("token"))), "POST", poll))
                  .object();
        const QString token = r.value(QStringLiteral("access_token")).toString();
        if (!token.isEmpty())
            return token.toLatin1();
    }
    return {};
}

}  // namespace stocktake::testing
