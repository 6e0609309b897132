// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace stocktake::tenantsim {

namespace {
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

Router::Router(GraphApi &graph, Identity &identity)
    : m_graph(graph)
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
    if (HttpResponse control = m_graph.control(request); control.status != 0) {
        return control;
    }
    if (HttpResponse identity = m_identity.handle(request); identity.status != 0) {
        return identity;
    }
    if (!request.path.startsWith(QLatin1StringView("/v1.0/"))) {
        return graphError(404, QStringLiteral("Request_ResourceNotFound"), QStringLiteral("Resource not found."));
    }
    // A request that repeats a throttled one before its Retry-After elapsed.
    QString violation = m_graph.earlyRetry(request);
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
            response = m_graph.handle(request);
            response.delayMs = m_latencyMs;
            // Broken pages: any successful Graph answer can be cut or garbled.
            if (response.status == 200 && m_truncateEvery > 0 && m_count % m_truncateEvery == 0) {
                response.truncate = true;
            } else if (response.status == 200 && m_malformedEvery > 0 && m_count % m_malformedEvery == 0) {
                response.body = response.body.left(response.body.size() / 2);
            }
        }
    }
    if (!response.violation.isEmpty()) {
        violation += (violation.isEmpty() ? QString() : QStringLiteral("; ")) + response.violation;
    }
    if (!violation.isEmpty()) {
        m_violations.append(violation);
    }
    response.violation = violation;
    return response;
}

HttpResponse Router::handleDownload(const HttpRequest &request)
{
    HttpResponse response = m_graph.download(request);
    if (!response.violation.isEmpty()) {
        m_violations.append(response.violation);
    }
    return response;
}

HttpResponse Router::faults(const HttpRequest &request)
{
    ++m_count;
    if (m_throttleEvery > 0 && m_count % m_throttleEvery == 0) {
        HttpResponse r = graphError(429, QStringLiteral("TooManyRequests"), QStringLiteral("Too many requests."));
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(kRetryAfterSeconds)));
        m_graph.noteThrottled(request, kRetryAfterSeconds);
        return r;
    }
    if (m_failEvery > 0 && m_count % m_failEvery == 0) {
        return graphError(503, QStringLiteral("serviceNotAvailable"), QStringLiteral("Service unavailable."));
    }
    HttpResponse none;
    none.status = 0;
    return none;
}

}  // namespace stocktake::tenantsim
