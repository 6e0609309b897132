// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/signin.h"
#include "auth/signinsettings.h"
#include "auth/urlopener.h"
#include "secrets/keystore.h"
#include "secrets/qtkeychainstore.h"
#include "tenantsim.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <functional>
#include <optional>

namespace stocktake::testing {

inline const QString kSimTenant = QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04");
inline const QString kSimClientId = QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70");

/// Sign-in settings for the sim at `base`, with short timeouts.
inline auth::SignInSettings simSettings(const QUrl &base)
{
    auth::SignInSettings settings;
    settings.authority = base;
    settings.tenant = kSimTenant;
    settings.clientId = kSimClientId;
    settings.scopes = {QStringLiteral("offline_access"), QStringLiteral("openid"),
        QStringLiteral("https://graph.microsoft.com/User.Read.All")};
    settings.browserTimeout = std::chrono::seconds(10);
    settings.requestTimeout = std::chrono::seconds(10);
    return settings;
}

/// A keychain store under a service name of its own, so tests never meet real entries.
inline std::unique_ptr<secrets::QtKeychainStore> testKeychain()
{
    secrets::QtKeychainStore::Options options;
    options.service = QStringLiteral("Stocktake-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return std::make_unique<secrets::QtKeychainStore>(options);
}

/// Runs the event loop until `ready()` or `timeoutMs`.
inline bool waitUntil(const std::function<bool()> &ready, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!ready() && !deadline.hasExpired())
        QTest::qWait(10);
    return ready();
}

inline core::Result<secrets::SecretBytes> readEntry(secrets::KeyStore &keys, const QString &entry)
{
    std::optional<core::Result<secrets::SecretBytes>> result;
    keys.read(entry, [&result](core::Result<secrets::SecretBytes> r) { result.emplace(std::move(r)); });
    if (!waitUntil([&] { return result.has_value(); }, 30000))
        return core::Error {QStringLiteral("test.timeout"), QStringLiteral("keychain read timed out"), {}};
    return std::move(*result);
}

inline core::Status writeEntry(secrets::KeyStore &keys, const QString &entry, QByteArrayView value)
{
    std::optional<core::Status> result;
    keys.write(entry, secrets::SecretBytes::copyOf(value), [&result](core::Status s) { result = s; });
    if (!waitUntil([&] { return result.has_value(); }, 30000))
        return core::Error {QStringLiteral("test.timeout"), QStringLiteral("keychain write timed out"), {}};
    return *result;
}

/// Starts `signIn` and waits for finished().
inline core::Result<auth::SignedIn> runSignIn(auth::SignIn &signIn, auth::SignIn::Method method, int timeoutMs = 60000)
{
    std::optional<core::Result<auth::SignedIn>> result;
    const auto connection = QObject::connect(
        &signIn, &auth::SignIn::finished, [&result](const core::Result<auth::SignedIn> &r) { result.emplace(r); });
    signIn.start(method);
    const bool done = waitUntil([&] { return result.has_value(); }, timeoutMs);
    QObject::disconnect(connection);
    if (!done)
        return core::Error {QStringLiteral("test.timeout"), QStringLiteral("sign-in did not finish"), {}};
    return *result;
}

/// A blocking HTTP exchange for test plumbing (never used by the code under test).
struct Http {
    int status = 0;
    QByteArray body;
    QUrl location;
};
inline Http httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
    const QByteArray &contentType = QByteArrayLiteral("application/x-www-form-urlencoded"))
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty() || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Http out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    delete reply;
    return out;
}

/// Every code and token the sim issued or received (GET /_sim/identity-secrets), flattened.
inline QStringList simSecrets(const TenantSim &sim)
{
    const Http answer = httpRequest("GET", sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/identity-secrets"))));
    QStringList out;
    const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        for (const QJsonValue &v : it.value().toArray())
            out.append(v.toString());
    }
    return out;
}

inline QJsonArray simSecretList(const TenantSim &sim, const QString &kind)
{
    const Http answer = httpRequest("GET", sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/identity-secrets"))));
    return QJsonDocument::fromJson(answer.body).object().value(kind).toArray();
}

/// The sim's request log, one object per request.
inline QList<QJsonObject> simRequests(const TenantSim &sim)
{
    QFile file(sim.requestLogPath());
    QList<QJsonObject> out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

/// Plays the system browser against the sim's authorize endpoint (run with --auto-approve): GETs
/// the authorization URL without following the redirect, then GETs the redirect's Location on
/// the app's loopback listener. Hooks can alter the URL, the callback, or send forged callbacks
/// first.
class SimBrowser final : public auth::UrlOpener {
public:
    [[nodiscard]] bool open(const QUrl &url) override
    {
        opened.append(url);
        const QUrl target = tamperAuthorizeUrl ? tamperAuthorizeUrl(url) : url;
        const QUrl redirectUri(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        for (const QString &forgedQuery : forgedCallbacks) {
            QUrl forged = redirectUri;
            forged.setQuery(forgedQuery);
            forgedStatuses.append(get(forged));
        }
        QNetworkRequest request(target);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_nam.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            reply->deleteLater();
            authorizeStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QUrl callback = reply->header(QNetworkRequest::LocationHeader).toUrl();
            if (!callback.isValid())
                return;
            if (tamperCallback)
                callback = tamperCallback(callback);
            lastCallback = callback;
            callbackStatus = get(callback);
        });
        return true;
    }

    std::function<QUrl(const QUrl &)> tamperAuthorizeUrl;
    std::function<QUrl(const QUrl &)> tamperCallback;
    QStringList forgedCallbacks;  ///< queries sent to the listener before the real callback
    QList<QUrl> opened;
    QList<int> forgedStatuses;
    QUrl lastCallback;
    int authorizeStatus = 0;
    int callbackStatus = 0;

private:
    static int get(const QUrl &url) { return httpRequest("GET", url).status; }
    QNetworkAccessManager m_nam;
};

}  // namespace stocktake::testing
