// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>

namespace stocktake::tenantsim {

namespace {
constexpr int kUsersTopMax = 999;
constexpr int kRetryAfterSeconds = 1;

HttpResponse json(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; odata.metadata=minimal")));
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse graphError(int status, const QString &code, const QString &message)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject inner {{QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("request-id"), requestId}, {QStringLiteral("client-request-id"), requestId}};
    return json(status,
        QJsonObject {{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
                {QStringLiteral("innerError"), inner}}}});
}
}  // namespace

Router::Router(const Tenant &tenant, Identity &identity)
    : m_tenant(tenant)
    , m_identity(identity)
{ }

HttpResponse Router::handle(const HttpRequest &request)
{
    if (request.path == QLatin1StringView("/_sim/violations")) {
        return json(200, QJsonObject {{QStringLiteral("violations"), QJsonArray::fromStringList(m_violations)}});
    }
    if (request.path == QLatin1StringView("/_sim/revoke-refresh-tokens") && request.method == "POST") {
        m_identity.revokeRefreshTokens();
        return json(200, QJsonObject {{QStringLiteral("revoked"), true}});
    }
    if (HttpResponse identity = m_identity.handle(request); identity.status != 0) {
        return identity;
    }
    if (!request.path.startsWith(QLatin1StringView("/v1.0/"))) {
        return graphError(404, QStringLiteral("Request_ResourceNotFound"), QStringLiteral("Resource not found."));
    }
    QString violation;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_retryNotBefore.isValid() && now < m_retryNotBefore) {
        violation = QStringLiteral("retry before Retry-After elapsed");
        m_violations.append(violation);
    }
    HttpResponse response;
    const QByteArray auth = request.headers.value("authorization");
    if (!auth.startsWith("Bearer ") || auth.size() <= 7) {
        response
            = graphError(401, QStringLiteral("InvalidAuthenticationToken"), QStringLiteral("Access token is empty."));
    } else if (!m_identity.isValidAccessToken(auth.mid(7))) {
        response = graphError(401, QStringLiteral("InvalidAuthenticationToken"),
            QStringLiteral("Lifetime validation failed, the token is expired."));
    } else {
        response = faults(request);
        if (response.status == 0) {
            if (m_latencyMs > 0) {
                QThread::msleep(static_cast<unsigned long>(m_latencyMs));
            }
            if (request.path == QLatin1StringView("/v1.0/users")) {
                response = users(request);
                if (m_truncateEvery > 0 && m_count % m_truncateEvery == 0) {
                    response.truncate = true;
                } else if (m_malformedEvery > 0 && m_count % m_malformedEvery == 0) {
                    response.body = response.body.left(response.body.size() / 2);
                }
            } else {
                response = graphError(
                    404, QStringLiteral("Request_ResourceNotFound"), QStringLiteral("Resource not found."));
            }
        }
    }
    response.violation = violation;
    return response;
}

HttpResponse Router::faults(const HttpRequest &)
{
    ++m_count;
    if (m_throttleEvery > 0 && m_count % m_throttleEvery == 0) {
        HttpResponse r = graphError(429, QStringLiteral("TooManyRequests"), QStringLiteral("Too many requests."));
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(kRetryAfterSeconds)));
        m_retryNotBefore = QDateTime::currentDateTimeUtc().addSecs(kRetryAfterSeconds);
        return r;
    }
    if (m_failEvery > 0 && m_count % m_failEvery == 0) {
        return graphError(503, QStringLiteral("serviceNotAvailable"), QStringLiteral("Service unavailable."));
    }
    HttpResponse none;
    none.status = 0;
    return none;
}

HttpResponse Router::users(const HttpRequest &request) const
{
    int top = request.query.hasQueryItem(QStringLiteral("$top"))
        ? request.query.queryItemValue(QStringLiteral("$top")).toInt()
        : 100;
    if (top < 1 || top > kUsersTopMax) {
        return graphError(400, QStringLiteral("Request_UnsupportedQuery"),
            QStringLiteral("Invalid page size specified: '%1'. Must be between 1 and 999 inclusive.").arg(top));
    }
    const int skip = request.query.queryItemValue(QStringLiteral("$skiptoken")).toInt();
    QSet<QString> select;
    for (const QString &f :
        request.query.queryItemValue(QStringLiteral("$select"), QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts)) {
        select.insert(f.trimmed());
    }
    const QVector<User> &all = m_tenant.users();
    QJsonArray value;
    const int end = std::min(static_cast<int>(all.size()), skip + top);
    for (int i = skip; i < end; ++i) {
        value.append(m_tenant.userJson(all.at(i), select));
    }
    QJsonObject body {{QStringLiteral("@odata.context"), QString(m_origin + QStringLiteral("/v1.0/$metadata#users"))},
        {QStringLiteral("value"), value}};
    if (end < all.size()) {
        QUrlQuery next(request.query);
        next.removeAllQueryItems(QStringLiteral("$skiptoken"));
        next.addQueryItem(QStringLiteral("$skiptoken"), QString::number(end));
        next.removeAllQueryItems(QStringLiteral("$top"));
        next.addQueryItem(QStringLiteral("$top"), QString::number(top));
        QUrl url(m_origin + request.path);
        url.setQuery(next);
        body.insert(QStringLiteral("@odata.nextLink"), url.toString(QUrl::FullyEncoded));
    }
    return json(200, body);
}

}  // namespace stocktake::tenantsim
