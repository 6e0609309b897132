// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphapi.h"
#include "httpserver.h"
#include "identity.h"

namespace stocktake::tenantsim {

/// Routes a request to identity, Graph (after the token check and the fault switches) or the
/// control endpoints; the report download origin has its own entry point.
class Router {
public:
    Router(GraphApi &graph, Identity &identity);
    void setOrigin(const QString &origin)
    {
        m_origin = origin;
        m_identity.setOrigin(origin);
    }
    void setThrottleEvery(int n) { m_throttleEvery = n; }
    void setFailEvery(int n) { m_failEvery = n; }
    void setTruncateEvery(int n) { m_truncateEvery = n; }
    void setMalformedEvery(int n) { m_malformedEvery = n; }
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    HttpResponse handle(const HttpRequest &request);
    /// Requests to the second listener, which plays the usage report's download host.
    HttpResponse handleDownload(const HttpRequest &request);

private:
    HttpResponse faults(const HttpRequest &request);

    GraphApi &m_graph;
    Identity &m_identity;
    QString m_origin;
    int m_throttleEvery = 0;
    int m_failEvery = 0;
    int m_truncateEvery = 0;
    int m_malformedEvery = 0;
    int m_latencyMs = 0;
    qint64 m_count = 0;
    QStringList m_violations;
};

}  // namespace stocktake::tenantsim
