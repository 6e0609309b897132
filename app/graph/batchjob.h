// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/graphrequest.h"
#include "graph/requestpacer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <map>

namespace stocktake::graph {

class GraphClient;

/// One GET inside a `$batch`: `relativeUrl` is "/path?query" below /v1.0 (Endpoint::relativeUrl()).
struct BatchItem {
    QString key;  ///< the caller's key (e.g. the group id), handed back with the result
    QString relativeUrl;
    int cost = 1;  ///< ResourceUnits of this inner request
};

struct BatchSummary {
    int batches = 0;  ///< `$batch` POSTs sent
    int items = 0;
    int retried = 0;  ///< inner requests sent again after 429/503/504
    int failed = 0;   ///< items handed back with an error
};

/// Sends many independent GETs as JSON `$batch` envelopes of at most 20 (graph-facts §C.3), as
/// many envelopes in flight at once as the client sends to a host. Each inner answer is judged on
/// its own: 2xx goes to the caller; an inner 429/503/504 is sent again in a later envelope after
/// its own Retry-After (capped) or a backoff, within the retry budget; any other status becomes a
/// typed error for that item only. A body with @odata.nextLink (a group over 999 members) is
/// handed over as is: continue it with a PagedQuery from that link.
class BatchJob : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxPerBatch = 20;
    using ItemHandler = std::function<void(const QString &key, core::Result<QJsonObject> body)>;
    using DoneHandler = std::function<void(core::Result<BatchSummary> summary)>;

    BatchJob(GraphClient &client, QList<BatchItem> items, QString what, Budget budget = Budget::Directory,
        QObject *parent = nullptr);  ///< parent defaults to the client
    ~BatchJob() override;

    void setMaxBatchesInFlight(int n) { m_maxInFlight = std::max(1, n); }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    /// GraphRequest::counter of every envelope.
    void setCounter(QString counter) { m_counter = std::move(counter); }
    /// GraphRequest::background of every envelope.
    void setBackground(bool background) { m_background = background; }

    /// onItem runs once per item (in any order); onDone once at the end. A failure of a whole
    /// envelope (network, 401 after refresh, envelope retries spent) ends the job with that error.
    void start(ItemHandler onItem, DoneHandler onDone);
    void cancel();

private:
    struct Pending {
        int index;
        int retries = 0;
        std::chrono::steady_clock::time_point notBefore {};
    };
    void pump();
    void sendBatch(std::vector<Pending> chunk);
    void onEnvelope(quint64 serial, core::Result<GraphResponse> response);
    void onBatchAnswer(const std::vector<Pending> &chunk, const QJsonObject &envelope);
    void requeue(Pending item, std::optional<std::chrono::milliseconds> retryAfter, int status);
    void deliver(int index, core::Result<QJsonObject> body);
    void end(core::Result<BatchSummary> result);

    GraphClient &m_client;
    QList<BatchItem> m_items;
    QString m_what;
    QString m_counter;
    Budget m_budget;
    ItemHandler m_onItem;
    DoneHandler m_onDone;
    std::deque<Pending> m_queue;
    struct InFlight {
        quint64 requestId;
        std::vector<Pending> chunk;
    };
    std::map<quint64, InFlight> m_inFlight;  ///< by envelope serial
    quint64 m_nextSerial = 1;
    BatchSummary m_summary;
    QTimer m_wake;
    int m_maxInFlight = 4;  ///< the client's maxInFlightPerHost unless set
    bool m_background = false;
    int m_open = 0;  ///< items not yet handed back
    bool m_autoDelete = true;
    bool m_ended = false;
};

}  // namespace stocktake::graph
