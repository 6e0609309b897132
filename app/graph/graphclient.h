// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/graphorigin.h"
#include "graph/graphrequest.h"
#include "graph/jsonlimits.h"
#include "graph/requestpacer.h"
#include "graph/retrypolicy.h"

#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QRandomGenerator>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QThreadPool;

namespace stocktake::graph {

Q_DECLARE_LOGGING_CATEGORY(lcGraph)

class GraphCall;
class TokenSource;

struct GraphClientOptions {
    QUrl graphRoot = QUrl(QStringLiteral("https://graph.microsoft.com"));
    /// Requests on the wire to one host at once; more wait in the client's queue. Six is what
    /// QNetworkAccessManager opens per host over HTTP/1.1 (over HTTP/2 they share a connection):
    /// with a round trip to pay, a day's sign-in windows and the member envelopes need them, and Graph limits the
    /// directory by resource units and the sign-ins by requests per 10 s (the pacer), not by requests at once.
    /// (Outlook's 4 at once per mailbox is for mail, which the sync does not read.)
    int maxInFlightPerHost = 6;
    /// No byte for this long ends the request (QNetworkRequest::setTransferTimeout).
    std::chrono::milliseconds stallTimeout = std::chrono::seconds(60);
    /// Nothing takes longer than this, even a slow drip.
    std::chrono::milliseconds requestDeadline = std::chrono::seconds(300);
    JsonLimits json;
    RetryPolicy retry;
    int maxRedirects = 5;
    bool pacing = true;
    double pacingHeadroom = 0.9;  ///< share of each Graph budget the client lets itself use
};

/// Counters the sync reports per entity (take a copy before and after).
struct GraphClientStats {
    qint64 requests = 0;  ///< HTTP requests sent
    /// By GraphRequest::counter: each of several steps running at once counts its own.
    QHash<QString, qint64> requestsBy;
    qint64 retries = 0;
    qint64 throttled = 0;  ///< 429/503/504 answers
    qint64 refreshes = 0;  ///< token refreshes after a 401
    qint64 bytes = 0;      ///< body bytes received
};

/// The Microsoft Graph HTTP client: one QNetworkAccessManager, HTTP/2 where offered, TLS 1.2+
/// with the system trust store, bearer tokens from a TokenSource sent only to the Graph origin,
/// a per-host concurrency cap, proactive pacing per throttling budget, Retry-After and bounded
/// backoff with a retry budget, one token refresh on 401, timeouts, body and JSON caps.
///
/// Lives on one thread (the sync's worker); every callback runs there, never inside send().
class GraphClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(core::Result<GraphResponse> response)>;

    GraphClient(GraphClientOptions options, TokenSource &tokens, QObject *parent = nullptr);
    ~GraphClient() override;

    /// Whether `graphRoot` may be used at all (https, or http on loopback): graph.insecure_url.
    [[nodiscard]] static core::Status checkRoot(const QUrl &graphRoot);

    /// The graph root + "/v1.0".
    [[nodiscard]] QUrl apiBase() const;
    [[nodiscard]] const GraphOrigin &origin() const { return m_origin; }
    [[nodiscard]] const GraphClientOptions &options() const { return m_options; }

    /// Queues `request`; `done` is called exactly once. Returns an id for cancel().
    quint64 send(GraphRequest request, Callback done);
    /// Ends one request; its callback gets graph.cancelled.
    void cancel(quint64 id);
    /// Ends every request in flight or waiting.
    void cancelAll();

    /// The pacer of a budget class (created from Graph's limits on first use).
    RequestPacer &pacer(Budget budget);
    /// Replaces a pacer, e.g. with the smaller Directory budget of a tenant under 500 users.
    void setPacer(Budget budget, RequestPacer pacer);

    [[nodiscard]] GraphClientStats stats() const { return m_stats; }
    [[nodiscard]] int pending() const { return static_cast<int>(m_calls.size()); }

Q_SIGNALS:
    /// Graph asked to slow down (`httpStatus` 429/503/504); the class waits `waitMs`.
    void throttled(int httpStatus, qint64 waitMs, const QString &what);

private:
    friend class GraphCall;
    struct HostSlots {
        int inFlight = 0;
        int backgroundInFlight = 0;
        std::deque<quint64> waiting;            ///< first come, first served
        std::deque<quint64> waitingBackground;  ///< GraphRequest::background, after `waiting`
    };
    void acquireSlot(quint64 id, const QString &host, bool background);
    void releaseSlot(const QString &host, bool background);
    /// Whether a request of that kind may take a slot of `slots` now.
    [[nodiscard]] bool mayStart(const HostSlots &slots, bool background) const;
    /// Hands the free slots of `host` to the waiting calls.
    void grantSlots(const QString &host);
    void finished(quint64 id);

    GraphClientOptions m_options;
    TokenSource &m_tokens;
    GraphOrigin m_origin;
    QNetworkAccessManager *m_nam;
    /// Parses large JSON bodies off the client's thread, so the sync's next page is parsed while
    /// it stores this one (GraphCall::parseAside).
    std::unique_ptr<QThreadPool> m_parsers;
    std::map<quint64, GraphCall *> m_calls;  // owned; deleted with deleteLater()
    QHash<QString, HostSlots> m_hosts;
    std::map<Budget, RequestPacer> m_pacers;
    GraphClientStats m_stats;
    QRandomGenerator m_random;
    quint64 m_nextId = 1;
};

}  // namespace stocktake::graph
