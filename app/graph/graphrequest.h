// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/requestpacer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace stocktake::graph {

struct Endpoint;

/// One logical Graph call. The client adds the bearer token, paces it, caps it, retries it.
struct GraphRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;         ///< absolute; must be on the Graph origin (a nextLink, a deltaLink, Endpoint::url)
    QByteArray body;  ///< POST body (JSON)
    QList<QPair<QByteArray, QByteArray>> headers;  ///< e.g. ConsistencyLevel: eventual
    QString what;                                  ///< the entity in the admin's words, for error messages
    /// Whose request this is in GraphClientStats::requestsBy (a sync entity's name); none if empty.
    QString counter;
    Budget budget = Budget::Directory;
    int cost = 1;            ///< in the budget's unit (ResourceUnits for Directory)
    bool expectJson = true;  ///< parse the body as one JSON object within the limits
    /// With expectJson: a success's body is handed over as it came (GraphResponse::body), for a
    /// caller that parses it itself (PagedQuery::setBodyReader); error bodies are still read.
    bool keepBody = false;
    /// For the usage report: a 3xx to another origin is fetched WITHOUT the bearer token
    /// (graph-facts §B.10); without this flag such a redirect is refused (SECURITY.md D3).
    bool anonymousRedirect = false;
    std::optional<qint64> maxBodyBytes;  ///< overrides the client's cap (the CSV report)
    /// Work beside the sync's sequence (the activity pass, apps, groups…): it waits for a slot
    /// behind the other requests to the host and leaves one slot free for them, but always gets
    /// one of its own (GraphClient::maxInFlightPerHost).
    bool background = false;
    /// Sent as `x-ms-throttle-priority: Low` (perf-anchors P4), as every background request is:
    /// once the app nears a limit, Graph throttles these before the rest. It changes who waits
    /// first, not the limits. The sign-in backfill is Low without being background; the
    /// directory, which the admin waits for, is neither.
    bool lowPriority = false;

    /// A GET of `endpoint` under `apiBase` (GraphClient::apiBase()).
    [[nodiscard]] static GraphRequest get(const Endpoint &endpoint, const QUrl &apiBase);
    /// A GET of a link Graph returned (nextLink, deltaLink) with the settings of `like`.
    [[nodiscard]] static GraphRequest follow(const QUrl &link, const GraphRequest &like);
};

/// A successful (2xx) answer.
struct GraphResponse {
    int status = 0;
    QUrl url;          ///< where the body came from (after redirects)
    QJsonObject json;  ///< the root object, when expectJson and not keepBody
    QByteArray body;   ///< the raw body, when !expectJson or keepBody
    qint64 bytes = 0;  ///< body size as received (after decompression)
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

}  // namespace stocktake::graph
