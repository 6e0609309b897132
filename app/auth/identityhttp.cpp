// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/identityhttp.h"

#include "auth/autherror.h"
#include "secrets/secretbytes.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace stocktake::auth {

Q_LOGGING_CATEGORY(lcAuth, "stocktake.auth")

namespace {

QNetworkRequest makeRequest(const QUrl &url, std::chrono::milliseconds timeout)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(static_cast<int>(timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
    return request;
}

// lupdate files a tr() call in a free function returning core::… under "core", so the context is
// spelled out. scripts/check-i18n-contexts checks that lupdate agrees.
core::Error tooLarge(const QString &origin)
{
    return core::Error {QStringLiteral("auth.bad_response"),
        QCoreApplication::translate("stocktake::auth::IdentityHttp",
            "The sign-in service sent an answer Stocktake cannot use. Try again later; if it goes on, check the "
            "identity platform address in the profile."),
        QStringLiteral("identity reply over %1 bytes from %2").arg(IdentityHttp::kMaxBodyBytes).arg(origin),
        core::ExitCode::Service};
}

}  // namespace

IdentityHttp::IdentityHttp(QNetworkAccessManager &network, std::chrono::milliseconds timeout)
    : m_network(network)
    , m_timeout(timeout)
{
    // A disk cache would keep token responses on disk (SECURITY A7); the manager must have none.
    m_network.setCache(nullptr);
}

QNetworkReply *IdentityHttp::get(const QUrl &url, Done done)
{
    return track(m_network.get(makeRequest(url, m_timeout)), url, std::move(done));
}

QNetworkReply *IdentityHttp::postForm(const QUrl &url, const QByteArray &form, Done done)
{
    QNetworkRequest request = makeRequest(url, m_timeout);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return track(m_network.post(request, form), url, std::move(done));
}

QNetworkReply *IdentityHttp::track(QNetworkReply *reply, const QUrl &url, Done done)
{
    const QString origin = originOf(url);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxBodyBytes) {
            reply->setProperty("stocktakeTooLarge", true);
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, origin, done = std::move(done)] {
        reply->deleteLater();
        if (reply->property("stocktakeTooLarge").toBool())
            return done(tooLarge(origin));
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid() || status.toInt() <= 0) {
            // errorString() names the socket or TLS trouble and the URL, which holds no secret.
            return done(AuthError::network(QStringLiteral("%1 (%2): %3")
                                               .arg(origin)
                                               .arg(static_cast<int>(reply->error()))
                                               .arg(reply->errorString())));
        }
        HttpReply out;
        out.status = status.toInt();
        out.body = reply->readAll();
        if (out.body.size() > kMaxBodyBytes) {
            secrets::SecretBytes::wipe(out.body);
            return done(tooLarge(origin));
        }
        qCDebug(lcAuth).noquote() << "identity reply" << out.status << "from" << origin;
        done(std::move(out));
    });
    return reply;
}

QByteArray IdentityHttp::formEncode(const QList<FormField> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out.append('&');
        out.append(name);
        out.append('=');
        QByteArray raw(value.data(), value.size());
        QByteArray encoded = raw.toPercentEncoding();
        out.append(encoded);
        secrets::SecretBytes::wipe(raw);
        secrets::SecretBytes::wipe(encoded);
    }
    return out;
}

bool IdentityHttp::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool IdentityHttp::isAcceptableEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasFragment())
        return false;
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1StringView("https") || (scheme == QLatin1StringView("http") && isLoopbackHost(url.host()));
}

QString IdentityHttp::originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port
        = url.port(scheme == QLatin1StringView("https") ? 443 : (scheme == QLatin1StringView("http") ? 80 : -1));
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(port);
}

}  // namespace stocktake::auth
