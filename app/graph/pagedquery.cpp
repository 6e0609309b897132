// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/pagedquery.h"

#include "graph/graphclient.h"
#include "graph/grapherror.h"

#include <QJsonValue>
#include <QPointer>

#include <utility>

namespace stocktake::graph {

namespace {

/// An @odata link: absent → empty URL; present but not an absolute URL → error.
core::Result<QUrl> readLink(const QJsonValue &v, QLatin1StringView key)
{
    if (v.isUndefined() || v.isNull()) {
        return QUrl();
    }
    if (!v.isString() || v.toString().size() > qsizetype {16} * 1024) {
        return GraphError::malformedJson(
            GraphError::JsonProblem::BadShape, QStringLiteral("%1 is not a link").arg(key));
    }
    const QUrl url(v.toString(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return GraphError::malformedJson(
            GraphError::JsonProblem::BadShape, QStringLiteral("%1 is not an absolute URL").arg(key));
    }
    return url;
}

}  // namespace

PagedQuery::PagedQuery(GraphClient &client, GraphRequest first, QObject *parent)
    : QObject(parent != nullptr ? parent : &client)
    , m_client(client)
    , m_template(std::move(first))
{ }

PagedQuery::~PagedQuery()
{
    if (m_inFlight != 0) {
        m_client.cancel(m_inFlight);
    }
}

void PagedQuery::setBodyReader(BodyReader reader)
{
    m_reader = std::move(reader);
    m_template.keepBody = m_reader != nullptr;
}

void PagedQuery::start(PageHandler onPage, DoneHandler onDone)
{
    m_onPage = std::move(onPage);
    m_onDone = std::move(onDone);
    fetch(m_template.url);
}

void PagedQuery::fetch(const QUrl &url)
{
    m_lastUrl = url;
    QPointer<PagedQuery> self(this);
    m_inFlight = m_client.send(GraphRequest::follow(url, m_template), [self](core::Result<GraphResponse> response) {
        if (PagedQuery *job = self.data(); job != nullptr) {
            job->onResponse(std::move(response));
        }
    });
}

void PagedQuery::onResponse(core::Result<GraphResponse> response)
{
    m_inFlight = 0;
    if (m_ended) {
        return;
    }
    if (!response.ok()) {
        end(response.error());
        return;
    }
    if (m_reader) {
        const core::Result<PageEnvelope> envelope = m_reader(response->body);
        if (!envelope.ok()) {
            end(envelope.error());
            return;
        }
        acceptPage(*envelope, {}, response->bytes);
        return;
    }
    const QJsonObject &root = response->json;
    const QJsonValue value = root.value(QLatin1StringView("value"));
    QJsonArray items = value.toArray();
    PageEnvelope envelope;
    envelope.items = value.isArray() ? std::optional(items.size()) : std::nullopt;
    envelope.nextLink = root.value(QLatin1StringView("@odata.nextLink"));
    envelope.deltaLink = root.value(QLatin1StringView("@odata.deltaLink"));
    envelope.count = root.value(QLatin1StringView("@odata.count"));
    acceptPage(envelope, std::move(items), response->bytes);
}

void PagedQuery::acceptPage(const PageEnvelope &envelope, QJsonArray items, qint64 bytes)
{
    if (!envelope.items) {
        end(GraphError::malformedJson(GraphError::JsonProblem::BadShape, QStringLiteral("page has no value array")));
        return;
    }
    core::Result<QUrl> next = readLink(envelope.nextLink, QLatin1StringView("@odata.nextLink"));
    if (!next.ok()) {
        end(next.error());
        return;
    }
    core::Result<QUrl> delta = readLink(envelope.deltaLink, QLatin1StringView("@odata.deltaLink"));
    if (!delta.ok()) {
        end(delta.error());
        return;
    }
    if (next->isValid() && *next == m_lastUrl) {
        end(GraphError::malformedJson(GraphError::JsonProblem::BadShape, QStringLiteral("nextLink repeats itself")));
        return;
    }

    Page page;
    page.items = std::move(items);
    page.size = *envelope.items;
    page.index = m_progress.pages;
    page.bytes = bytes;
    page.last = !next->isValid();
    if (envelope.count.isDouble()) {
        page.count = static_cast<qint64>(envelope.count.toDouble());
    }
    ++m_progress.pages;
    m_progress.items += page.size;
    m_progress.bytes += page.bytes;

    if (next->isValid()) {
        if (m_progress.pages >= m_maxPages) {
            end(GraphError::malformedJson(GraphError::JsonProblem::BadShape, QStringLiteral("too many pages")));
            return;
        }
        if (m_held) {
            m_heldNext = *next;
        } else {
            fetch(*next);  // overlap the next round trip with the caller's work on this page
        }
    } else {
        m_progress.deltaLink = *delta;
    }
    QPointer<PagedQuery> self(this);
    if (m_onPage) {
        m_onPage(page);
    }
    if (!self || m_ended) {
        return;
    }
    if (page.last) {
        end(m_progress);
    }
}

void PagedQuery::hold()
{
    m_held = true;
}

void PagedQuery::release()
{
    m_held = false;
    if (!m_ended && m_heldNext.isValid()) {
        fetch(std::exchange(m_heldNext, QUrl()));
    }
}

void PagedQuery::cancel()
{
    if (m_ended) {
        return;
    }
    if (m_inFlight != 0) {
        const quint64 id = m_inFlight;
        m_inFlight = 0;
        m_client.cancel(id);
    }
    end(GraphError::cancelled());
}

void PagedQuery::end(core::Result<PagingEnd> result)
{
    if (m_ended) {
        return;
    }
    m_ended = true;
    if (m_inFlight != 0) {
        const quint64 id = m_inFlight;
        m_inFlight = 0;
        m_client.cancel(id);
    }
    DoneHandler done = std::move(m_onDone);
    m_onDone = nullptr;
    m_onPage = nullptr;
    if (m_autoDelete) {
        deleteLater();
    }
    if (done) {
        done(std::move(result));
    }
}

}  // namespace stocktake::graph
