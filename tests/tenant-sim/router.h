// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"
#include "identity.h"
#include "tenant.h"

#include <QDateTime>

namespace stocktake::tenantsim {

/// Routes a request to Graph's users endpoint, the control endpoints and the fault switches.
class Router {
public:
    Router(const Tenant &tenant, Identity &identity);
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

private:
    HttpResponse users(const HttpRequest &request) const;
    HttpResponse faults(const HttpRequest &request);

    const Tenant &m_tenant;
    Identity &m_identity;
    QString m_origin;
    int m_throttleEvery = 0;
    int m_failEvery = 0;
    int m_truncateEvery = 0;
    int m_malformedEvery = 0;
    int m_latencyMs = 0;
    qint64 m_count = 0;
    QDateTime m_retryNotBefore;
    QStringList m_violations;
};

}  // namespace stocktake::tenantsim
