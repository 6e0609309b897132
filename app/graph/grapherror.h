// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace stocktake::graph {

/// Graph's error body `{"error":{"code","message","innerError":{"request-id","date"}}}`.
struct GraphErrorBody {
    QString code;
    QString message;
    QString requestId;
    QString date;
};

/// The typed errors of the Graph client. Every failure the client reports is one of these
/// codes; the sync engine branches on them:
///
/// | code | exit | meaning |
/// |---|---|---|
/// | graph.insecure_url | 2 | the Graph root is not https (and not loopback) |
/// | graph.foreign_origin | 4 | a nextLink/deltaLink/Location/batch URL left the Graph origin; nothing was sent |
/// | graph.consent_missing | 3 | 403: the permission for this entity has no admin consent |
/// | graph.no_premium | 4 | 403: signInActivity / sign-in logs need Entra ID P1 or P2 |
/// | graph.unauthorized | 3 | 401 again after one token refresh |
/// | graph.not_found, graph.bad_request | 4 | 404, 400 |
/// | graph.resync_required | 4 | 410 / syncStateNotFound / resyncRequired: drop the delta link, sync in full |
/// | graph.throttled | 4 | 429/503/504 past the retry budget |
/// | graph.server_error | 4 | other 5xx past the retry budget, or an unexpected status |
/// | graph.timeout | 4 | a request stalled or ran past its deadline |
/// | graph.network | 4 | connection refused/reset/closed early, past the retry budget |
/// | graph.tls | 4 | the TLS handshake or certificate check failed |
/// | graph.body_too_large | 4 | a response passed the body cap; the reply was aborted |
/// | graph.malformed_json | 4 | truncated/invalid JSON, nesting too deep, root not an object, bad page shape |
/// | graph.cancelled | 1 | the caller cancelled |
class GraphError {
    Q_DECLARE_TR_FUNCTIONS(stocktake::graph::GraphError)
public:
    enum class JsonProblem { Syntax, TooDeep, NotObject, BadShape };

    /// Parses an error body; nullopt when it is not Graph's error shape.
    [[nodiscard]] static std::optional<GraphErrorBody> parseBody(QByteArrayView body);
    /// The same for a body that is already JSON (a `$batch` sub-response).
    [[nodiscard]] static std::optional<GraphErrorBody> parseBody(const QJsonObject &body);

    /// The typed error for an HTTP failure status. `what` names the entity in the admin's
    /// words ("users", "sign-in logs") and `path` is the request path (no query) for the log.
    [[nodiscard]] static core::Error fromHttp(
        int status, const std::optional<GraphErrorBody> &body, const QString &what, const QString &path);

    [[nodiscard]] static core::Error insecureUrl(const QString &what);
    [[nodiscard]] static core::Error foreignOrigin(const QString &what, const QString &origin);
    [[nodiscard]] static core::Error unauthorized(const QString &what, const QString &detail);
    [[nodiscard]] static core::Error retriesExhausted(int status, const QString &what, const QString &detail);
    [[nodiscard]] static core::Error timeout(const QString &what, qint64 ms);
    [[nodiscard]] static core::Error network(const QString &what, const QString &detail);
    [[nodiscard]] static core::Error tls(const QString &what, const QString &detail);
    [[nodiscard]] static core::Error bodyTooLarge(qint64 seen, qint64 cap);
    [[nodiscard]] static core::Error malformedJson(JsonProblem problem, const QString &detail);
    [[nodiscard]] static core::Error cancelled();

    /// Graph error codes that mean the tenant lacks Entra ID P1/P2.
    [[nodiscard]] static bool isNoPremiumCode(QStringView code);
};

}  // namespace stocktake::graph
