// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphjson.h"

#include <QDateTime>
#include <QHash>

namespace stocktake::tenantsim {

/// auditLogs/signIns (newest first, `$filter` on createdDateTime, 1,000 a page) and the
/// Microsoft 365 usage report: a 302 to a pre-authenticated CSV download on the second
/// listener, which must be fetched without the bearer token (graph-facts §B.8, §B.10).
class ActivityRoutes {
public:
    explicit ActivityRoutes(GraphContext &context);
    HttpResponse handle(const HttpRequest &request);
    /// GET /data/download/{token} on the download origin.
    HttpResponse download(const HttpRequest &request);
    /// The report as CSV (also what the truth counts).
    [[nodiscard]] QByteArray usageCsv(int periodDays) const;
    [[nodiscard]] int usageRows() const;

private:
    HttpResponse signIns(const HttpRequest &request);
    HttpResponse usageReport(const HttpRequest &request, const QString &function);

    struct Download {
        QDateTime expires;
        int periodDays = 30;
    };
    GraphContext &m_context;
    QHash<QString, Download> m_downloads;
};

}  // namespace stocktake::tenantsim
