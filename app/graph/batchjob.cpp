// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/batchjob.h"

#include "graph/graphclient.h"
#include "graph/grapherror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>

namespace stocktake::graph {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

/// `$batch` URLs are relative to /v1.0; anything with a scheme or an authority would take the
/// envelope's token elsewhere (SECURITY.md D3).
bool isRelativeGraphPath(const QString &url)
{
    return url.startsWith(u'/') && !url.startsWith(QLatin1StringView("//")) && !url.contains(QLatin1StringView("://"))
        && !url.contains(u'\\') && url.size() <= 4096;
}

std::optional<std::chrono::milliseconds> innerRetryAfter(const QJsonObject &response)
{
    const QJsonObject headers = response.value(QLatin1StringView("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(QLatin1StringView("Retry-After"), Qt::CaseInsensitive) == 0) {
            const QJsonValue v = it.value();
            const QByteArray text = v.isDouble() ? QByteArray::number(v.toInteger()) : v.toString().toLatin1();
            return RetryPolicy::parseRetryAfter(text, QDateTime::currentDateTimeUtc());
        }
    }
    return std::nullopt;
}

}  // namespace

BatchJob::BatchJob(GraphClient &client, QList<BatchItem> items, QString what, Budget budget, QObject *parent)
    : QObject(parent != nullptr ? parent : &client)
    , m_client(client)
    , m_items(std::move(items))
    , m_what(std::move(what))
    , m_budget(budget)
    , m_maxInFlight(client.options().maxInFlightPerHost)  // as many as the client sends at once
{
    m_wake.setSingleShot(true);
    m_wake.setTimerType(Qt::PreciseTimer);  // never before an inner Retry-After
    connect(&m_wake, &QTimer::timeout, this, &BatchJob::pump);
}

BatchJob::~BatchJob()
{
    for (const auto &[serial, flight] : m_inFlight) {
        Q_UNUSED(serial)
        m_client.cancel(flight.requestId);
    }
}

void BatchJob::start(ItemHandler onItem, DoneHandler onDone)
{
    m_onItem = std::move(onItem);
    m_onDone = std::move(onDone);
    m_summary.items = static_cast<int>(m_items.size());
    m_open = static_cast<int>(m_items.size());
    for (int i = 0; i < m_items.size(); ++i) {
        if (!isRelativeGraphPath(m_items.at(i).relativeUrl)) {
            // Reported (asynchronously, like everything else) without a request.
            QMetaObject::invokeMethod(
                this, [this, i] { deliver(i, GraphError::foreignOrigin(m_what, QStringLiteral("(batch item url)"))); },
                Qt::QueuedConnection);
            continue;
        }
        m_queue.push_back({i});
    }
    if (m_items.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { end(m_summary); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(this, &BatchJob::pump, Qt::QueuedConnection);
}

void BatchJob::pump()
{
    if (m_ended) {
        return;
    }
    const auto now = SteadyClock::now();
    while (static_cast<int>(m_inFlight.size()) < m_maxInFlight) {
        std::vector<Pending> chunk;
        for (auto it = m_queue.begin(); it != m_queue.end() && chunk.size() < MaxPerBatch;) {
            if (it->notBefore <= now) {
                chunk.push_back(*it);
                it = m_queue.erase(it);
            } else {
                ++it;
            }
        }
        if (chunk.empty()) {
            break;
        }
        sendBatch(std::move(chunk));
    }
    // Items still waiting for their Retry-After: wake up when the first may go. (With every
    // envelope slot busy, the next answer pumps instead.)
    if (!m_queue.empty() && static_cast<int>(m_inFlight.size()) < m_maxInFlight) {
        const auto earliest = std::min_element(m_queue.begin(), m_queue.end(), [](const Pending &a, const Pending &b) {
            return a.notBefore < b.notBefore;
        })->notBefore;
        m_wake.start(std::max(1ms, std::chrono::ceil<std::chrono::milliseconds>(earliest - now)));
    }
}

void BatchJob::sendBatch(std::vector<Pending> chunk)
{
    QJsonArray requests;
    int cost = 0;
    for (const Pending &p : chunk) {
        const BatchItem &item = m_items.at(p.index);
        requests.append(QJsonObject {{QStringLiteral("id"), QString::number(p.index)},
            {QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("url"), item.relativeUrl}});
        cost += std::max(1, item.cost);
    }
    GraphRequest request;
    request.method = QByteArrayLiteral("POST");
    QUrl url = m_client.apiBase();
    url.setPath(url.path() + QStringLiteral("/$batch"));
    request.url = url;
    request.body = QJsonDocument(QJsonObject {{QStringLiteral("requests"), requests}}).toJson(QJsonDocument::Compact);
    request.what = m_what;
    request.counter = m_counter;
    request.background = m_background;
    request.budget = m_budget;
    request.cost = cost;
    ++m_summary.batches;
    const quint64 serial = m_nextSerial++;
    QPointer<BatchJob> self(this);
    const quint64 id = m_client.send(std::move(request), [self, serial](core::Result<GraphResponse> r) {
        if (BatchJob *job = self.data(); job != nullptr) {
            job->onEnvelope(serial, std::move(r));
        }
    });
    m_inFlight.emplace(serial, InFlight {id, std::move(chunk)});
}

void BatchJob::onEnvelope(quint64 serial, core::Result<GraphResponse> response)
{
    const auto it = m_inFlight.find(serial);
    if (m_ended || it == m_inFlight.end()) {
        return;
    }
    std::vector<Pending> chunk = std::move(it->second.chunk);
    m_inFlight.erase(it);
    if (!response.ok()) {
        end(response.error());
        return;
    }
    onBatchAnswer(chunk, response->json);
}

void BatchJob::onBatchAnswer(const std::vector<Pending> &chunk, const QJsonObject &envelope)
{
    const QJsonValue responses = envelope.value(QLatin1StringView("responses"));
    if (!responses.isArray()) {
        end(GraphError::malformedJson(GraphError::JsonProblem::BadShape, QStringLiteral("$batch without responses")));
        return;
    }
    std::map<int, Pending> waiting;
    for (const Pending &p : chunk) {
        waiting.emplace(p.index, p);
    }
    const QJsonArray answers = responses.toArray();
    for (const auto &answerValue : answers) {
        if (m_ended) {
            return;
        }
        const QJsonObject answer = answerValue.toObject();
        bool numeric = false;
        const int index = answer.value(QLatin1StringView("id")).toString().toInt(&numeric);
        const auto it = waiting.find(index);
        if (!numeric || it == waiting.end()) {
            continue;  // not ours, or answered twice: ignore
        }
        const Pending pending = it->second;
        waiting.erase(it);
        const int status = answer.value(QLatin1StringView("status")).toInt();
        const QJsonObject body = answer.value(QLatin1StringView("body")).toObject();
        if (status >= 200 && status < 300) {
            deliver(index, body);
        } else if (status == 429 || status == 503 || status == 504) {
            requeue(pending, innerRetryAfter(answer), status);
        } else {
            const QString path = m_items.at(index).relativeUrl.section(u'?', 0, 0);
            deliver(index, GraphError::fromHttp(status, GraphError::parseBody(body), m_what, path));
        }
    }
    // An inner request the envelope did not answer is sent again.
    for (const auto &[index, pending] : waiting) {
        Q_UNUSED(index)
        if (m_ended) {
            return;
        }
        requeue(pending, std::nullopt, 0);
    }
    pump();
}

void BatchJob::requeue(Pending item, std::optional<std::chrono::milliseconds> retryAfter, int status)
{
    const RetryPolicy &policy = m_client.options().retry;
    if (item.retries >= policy.budget) {
        deliver(item.index,
            GraphError::retriesExhausted(
                status == 0 ? 503 : status, m_what, QStringLiteral("$batch item after %1 retries").arg(item.retries)));
        return;
    }
    ++item.retries;
    ++m_summary.retried;
    QRandomGenerator random = QRandomGenerator::securelySeeded();
    const auto delay = policy.delayFor(retryAfter, item.retries, random);
    item.notBefore = SteadyClock::now() + delay;
    if (retryAfter && m_budget != Budget::None) {
        m_client.pacer(m_budget).blockUntil(item.notBefore);
    }
    if (status != 0) {
        Q_EMIT m_client.throttled(status, delay.count(), m_what);
    }
    m_queue.push_back(item);
}

void BatchJob::deliver(int index, core::Result<QJsonObject> body)
{
    if (m_ended) {
        return;
    }
    if (!body.ok()) {
        ++m_summary.failed;
    }
    --m_open;
    QPointer<BatchJob> self(this);
    if (m_onItem) {
        m_onItem(m_items.at(index).key, std::move(body));
    }
    if (self && !m_ended && m_open == 0) {
        end(m_summary);
    }
}

void BatchJob::cancel()
{
    end(GraphError::cancelled());
}

void BatchJob::end(core::Result<BatchSummary> result)
{
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_wake.stop();
    std::vector<quint64> ids;
    for (const auto &[serial, flight] : m_inFlight) {
        Q_UNUSED(serial)
        ids.push_back(flight.requestId);
    }
    m_inFlight.clear();
    for (const quint64 id : ids) {
        m_client.cancel(id);
    }
    DoneHandler done = std::move(m_onDone);
    m_onDone = nullptr;
    m_onItem = nullptr;
    if (m_autoDelete) {
        deleteLater();
    }
    if (done) {
        done(std::move(result));
    }
}

}  // namespace stocktake::graph
