// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphclient.h"

#include "graph/endpoint.h"
#include "graph/graphcall.h"
#include "graph/grapherror.h"

#include <QNetworkAccessManager>
#include <QThread>
#include <QThreadPool>

namespace stocktake::graph {

Q_LOGGING_CATEGORY(lcGraph, "stocktake.graph")

GraphRequest GraphRequest::get(const Endpoint &endpoint, const QUrl &apiBase)
{
    GraphRequest r;
    r.url = endpoint.url(apiBase);
    r.what = endpoint.what;
    r.budget = endpoint.budget;
    r.cost = endpoint.cost;
    return r;
}

GraphRequest GraphRequest::follow(const QUrl &link, const GraphRequest &like)
{
    GraphRequest r = like;
    r.method = QByteArrayLiteral("GET");
    r.body.clear();
    r.url = link;
    return r;
}

QByteArray GraphResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

GraphClient::GraphClient(GraphClientOptions options, TokenSource &tokens, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tokens(tokens)
    , m_origin(m_options.graphRoot)
    , m_nam(new QNetworkAccessManager(this))
    , m_parsers(std::make_unique<QThreadPool>())
    , m_random(QRandomGenerator::securelySeeded())
{
    // One core is the caller's (the sync stores on it); the parsers get the others, up to two.
    m_parsers->setMaxThreadCount(std::clamp(QThread::idealThreadCount() - 1, 1, 2));
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_nam->setCookieJar(nullptr);
    m_options.maxInFlightPerHost = std::max(1, m_options.maxInFlightPerHost);
}

GraphClient::~GraphClient()
{
    // Jobs parented here (PagedQuery, BatchJob) cancel through the client as they die: delete
    // them while its members are still alive, not later in ~QObject.
    const QObjectList kids = children();
    for (QObject *kid : kids) {
        if (kid != m_nam) {
            delete kid;
        }
    }
    for (auto &[id, call] : m_calls) {
        Q_UNUSED(id)
        delete call;
    }
    m_calls.clear();
}

core::Status GraphClient::checkRoot(const QUrl &graphRoot)
{
    if (!GraphOrigin::isAcceptableRoot(graphRoot)) {
        return GraphError::insecureUrl(GraphOrigin::originOf(graphRoot));
    }
    return {};
}

QUrl GraphClient::apiBase() const
{
    QUrl base = m_options.graphRoot;
    QString path = base.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    base.setPath(path + QStringLiteral("/v1.0"));
    return base;
}

quint64 GraphClient::send(GraphRequest request, Callback done)
{
    const quint64 id = m_nextId++;
    auto *call = new GraphCall(*this, id, std::move(request), std::move(done));
    m_calls.emplace(id, call);
    // Start now: with a free slot, budget room and a cached token the request is on the wire
    // before send() returns, so a page's next request travels while the caller works on the page
    // (PagedQuery). A call that ends inside (a refused URL, a token failure) still calls back only
    // from the event loop, never from inside send(): the caller may still be setting up.
    call->m_inSend = true;
    call->start();
    call->m_inSend = false;  // a finished call is deleted later, not here
    return id;
}

void GraphClient::cancel(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it != m_calls.end()) {
        it->second->cancel();
    }
}

void GraphClient::cancelAll()
{
    std::vector<quint64> ids;
    ids.reserve(m_calls.size());
    for (const auto &[id, call] : m_calls) {
        Q_UNUSED(call)
        ids.push_back(id);
    }
    for (const quint64 id : ids) {
        cancel(id);
    }
}

RequestPacer &GraphClient::pacer(Budget budget)
{
    auto it = m_pacers.find(budget);
    if (it == m_pacers.end()) {
        it = m_pacers.emplace(budget, RequestPacer::forBudget(budget, m_options.pacingHeadroom)).first;
    }
    return it->second;
}

void GraphClient::setPacer(Budget budget, RequestPacer pacer)
{
    m_pacers.insert_or_assign(budget, std::move(pacer));
}

void GraphClient::acquireSlot(quint64 id, const QString &host, bool background)
{
    HostSlots &slots = m_hosts[host];
    (background ? slots.waitingBackground : slots.waiting).push_back(id);
    grantSlots(host);
}

void GraphClient::releaseSlot(const QString &host, bool background)
{
    HostSlots &slots = m_hosts[host];
    slots.inFlight = std::max(0, slots.inFlight - 1);
    if (background)
        slots.backgroundInFlight = std::max(0, slots.backgroundInFlight - 1);
    grantSlots(host);
}

bool GraphClient::mayStart(const HostSlots &slots, bool background) const
{
    const int cap = m_options.maxInFlightPerHost;
    if (slots.inFlight >= cap)
        return false;
    if (background) {
        // One slot at any time, so work beside the sequence is never starved; more only while
        // nothing else waits, and never the last free one, which the next request of the
        // sequence (a chain of pages, one after another) would otherwise wait a round trip for.
        return slots.backgroundInFlight == 0 || (slots.waiting.empty() && slots.inFlight < cap - 1);
    }
    // Every slot, but the one a waiting background request is owed when it holds none.
    return slots.backgroundInFlight > 0 || slots.waitingBackground.empty() || slots.inFlight < cap - 1;
}

void GraphClient::grantSlots(const QString &host)
{
    HostSlots &slots = m_hosts[host];
    for (;;) {
        bool background = false;
        if (!slots.waiting.empty() && mayStart(slots, false))
            background = false;
        else if (!slots.waitingBackground.empty() && mayStart(slots, true))
            background = true;
        else
            return;
        std::deque<quint64> &queue = background ? slots.waitingBackground : slots.waiting;
        const quint64 id = queue.front();
        queue.pop_front();
        const auto it = m_calls.find(id);
        if (it == m_calls.end())
            continue;  // cancelled while waiting
        ++slots.inFlight;
        if (background)
            ++slots.backgroundInFlight;
        GraphCall *call = it->second;
        call->m_holdsSlot = true;
        call->m_slotHost = host;
        if (call->m_inSend)
            call->onSlot();  // straight on: send() defers any callback itself
        else
            QMetaObject::invokeMethod(
                call, [call] { call->onSlot(); }, Qt::QueuedConnection);
    }
}

void GraphClient::finished(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it != m_calls.end()) {
        it->second->deleteLater();
        m_calls.erase(it);
    }
}

}  // namespace stocktake::graph
