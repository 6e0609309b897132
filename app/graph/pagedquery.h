// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/graphrequest.h"
#include "graph/pageenvelope.h"

#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace stocktake::graph {

class GraphClient;

/// One page of a collection, as it arrived.
struct Page {
    QJsonArray items;    ///< the page's "value"; parse with the resource's parser (parsers.h)
    qsizetype size = 0;  ///< how many items "value" held (with a body reader, items stays empty)
    int index = 0;       ///< 0-based
    qint64 bytes = 0;
    std::optional<qint64> count;  ///< @odata.count (first page, when asked for)
    bool last = false;            ///< no nextLink follows
};

/// How a walk ended.
struct PagingEnd {
    int pages = 0;
    qint64 items = 0;
    qint64 bytes = 0;
    QUrl deltaLink;  ///< delta queries: where the next round starts; save it with the data
};

/// Walks a collection by @odata.nextLink and hands each page over as it arrives, so a sync
/// can stream a whole tenant into the store without holding it in memory. The next page is
/// requested before the current one is handed over, so fetching overlaps processing. Every
/// link goes through the client, which refuses links off the Graph origin (SECURITY.md D3).
///
/// Usage: `auto *q = new PagedQuery(client, GraphRequest::get(Endpoint::users(), client.apiBase()));
/// q->start(onPage, onDone);` The query deletes itself after onDone unless told otherwise.
class PagedQuery : public QObject {
    Q_OBJECT
public:
    using PageHandler = std::function<void(const Page &page)>;
    using DoneHandler = std::function<void(core::Result<PagingEnd> end)>;
    /// Parses a page's body itself (the request's keepBody): keeps the records for the page
    /// handler, which runs right after it, and returns the rest for the walk's checks.
    using BodyReader = std::function<core::Result<PageEnvelope>(QByteArrayView body)>;

    PagedQuery(GraphClient &client, GraphRequest first, QObject *parent = nullptr);  ///< parent defaults to the client
    ~PagedQuery() override;

    /// Starts the walk; onPage runs once per page in order, then onDone once.
    void start(PageHandler onPage, DoneHandler onDone);
    /// Stops the walk; onDone gets graph.cancelled.
    void cancel();
    /// Defaults to true: deleteLater() after onDone.
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    /// Pages are parsed by `reader` instead of into a QJsonObject; call before start().
    void setBodyReader(BodyReader reader);
    /// A guard against a server that never ends the chain (default 1,000,000 pages).
    void setMaxPages(int maxPages) { m_maxPages = maxPages; }
    /// While held, the next page is not requested: the caller has more pages than it can keep.
    /// A request already out still arrives. Releasing requests the page held back, if any.
    void hold();
    void release();

private:
    void fetch(const QUrl &url);
    void onResponse(core::Result<GraphResponse> response);
    void end(core::Result<PagingEnd> result);
    void acceptPage(const PageEnvelope &envelope, QJsonArray items, qint64 bytes);

    GraphClient &m_client;
    GraphRequest m_template;
    PageHandler m_onPage;
    DoneHandler m_onDone;
    BodyReader m_reader;
    PagingEnd m_progress;
    quint64 m_inFlight = 0;
    QUrl m_lastUrl;
    QUrl m_heldNext;  ///< the next page's link, not requested while held
    bool m_held = false;
    bool m_autoDelete = true;
    bool m_ended = false;
    int m_maxPages = 1000000;
};

}  // namespace stocktake::graph
