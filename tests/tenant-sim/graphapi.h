// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activity.h"
#include "activityroutes.h"
#include "directoryroutes.h"
#include "graphjson.h"
#include "limits.h"
#include "mailbox.h"
#include "mailroutes.h"
#include "referencedata.h"

#include <QJsonObject>

namespace stocktake::tenantsim {

class Tenant;

struct GraphOptions {
    bool premium = true;          ///< false: signInActivity and auditLogs answer 403 (no Entra ID P1/P2)
    bool concealedNames = false;  ///< the usage report hides names behind hashes
    bool enforceLimits = false;   ///< --graph-limits
    QString truthPath;            ///< rewritten at start and after every mutation
    int truthUserRows = 10000;
    QString resourcesDir;  ///< the project's resources/ (product names, list prices, scopes)
    qint64 generationMs = 0;
    QString clientId;  ///< for x-ms-throttle-scope
    /// The scheme of the Graph links the sim writes (--link-scheme): "http", or "https" for a
    /// client that takes only https links; the sim itself always listens on plain http.
    QString linkScheme = QStringLiteral("http");
};

/// Graph v1.0 as the sim serves it, after authentication and the fault switches: the routes,
/// `$batch` (at most 20), the published throttling budgets, the early-retry watch, the report
/// download origin and the /_sim control endpoints (mutate, truth).
class GraphApi {
public:
    GraphApi(Tenant &tenant, GraphOptions options);

    /// `origin` is where the sim listens (http://127.0.0.1:PORT); the Graph links it writes use
    /// the options' linkScheme instead of http.
    void setOrigins(const QString &origin, const QString &downloadOrigin);
    /// How long generating the tenant took, for the truth file.
    void setGenerationMs(qint64 ms) { m_options.generationMs = ms; }
    /// A request whose path starts with /v1.0/.
    HttpResponse handle(const HttpRequest &request);
    /// Violation text when this request repeats a throttled one before its Retry-After.
    QString earlyRetry(const HttpRequest &request);
    /// Records a 429 the router sent (--throttle-every) so its retry is watched too.
    void noteThrottled(const HttpRequest &request, int retryAfterSeconds);
    /// /_sim/mutate and /_sim/truth; status 0 for any other path.
    HttpResponse control(const HttpRequest &request);
    /// The download origin (plays reports.office.com).
    HttpResponse download(const HttpRequest &request) { return m_activity.download(request); }

    [[nodiscard]] QJsonObject truth();
    /// Writes truth() to the truth file, if one was asked for; false when it cannot be written.
    bool writeTruth();

private:
    HttpResponse dispatch(const HttpRequest &request);
    HttpResponse batch(const HttpRequest &request);
    static QString key(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body);

    Tenant &m_tenant;
    GraphOptions m_options;
    SignInModel m_signIns;
    Mailbox m_mailbox;
    ReferenceData m_reference;
    GraphContext m_context;
    DirectoryRoutes m_directory;
    ActivityRoutes m_activity;
    MailRoutes m_mail;
    GraphLimits m_limits;
    RetryWatch m_watch;
};

}  // namespace stocktake::tenantsim
