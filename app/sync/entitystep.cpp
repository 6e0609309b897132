// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitystep.h"

#include "core/clock.h"
#include "graph/graphclient.h"
#include "graph/grapherror.h"
#include "graph/pagedquery.h"
#include "store/database.h"
#include "sync/storewriter.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace stocktake::sync {

Q_LOGGING_CATEGORY(lcSync, "stocktake.sync")

namespace {

/// Saves a step's outcome in sync_state now or, when another step's transaction holds the
/// connection (steps beside the sequence), once it is free: it must not go into that one.
void saveOutcome(StepContext &context, const QString &sql, const QVariantList &values)
{
    auto save = [db = context.db, sql, values] {
        QSqlQuery query(db->sql());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        (void)query.exec();
    };
    const bool held = context.storeHeld ? context.storeHeld() : context.db->inTransaction();
    if (held && context.whenStoreFree)
        return context.whenStoreFree(std::move(save));
    save();
}

}  // namespace

struct EntityStep::WriteTurns {
    std::vector<WritePart> parts;
    std::function<void()> done;
    std::size_t part = 0;   ///< the part under way
    std::size_t index = 0;  ///< its next i
};

EntityStep::EntityStep(QString entity, StepContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_summary.entity = std::move(entity);
    m_timer.start();
    m_requestsAtStart = ownRequests(context.client->stats());
}

qint64 EntityStep::ownRequests(const graph::GraphClientStats &stats) const
{
    // Several steps run at once on the same client: each counts the requests it sent
    // (GraphRequest::counter), retries and redirects included.
    return stats.requestsBy.value(m_summary.entity);
}

void EntityStep::cancel()
{
    m_cancelled = true;
    cancelQueries();
}

void EntityStep::cancelQueries()
{
    // Cancelling runs a query's done handler, which may fail the step: work on a copy.
    const QList<QPointer<graph::PagedQuery>> queries = std::exchange(m_queries, {});
    for (const QPointer<graph::PagedQuery> &query : queries) {
        if (query)
            query->cancel();
    }
}

core::Status EntityStep::begin()
{
    if (auto s = m_context.db->beginWrite(); !s)
        return s;
    m_inTransaction = true;
    return {};
}

QString EntityStep::stateValue(const char *column) const
{
    QSqlQuery query(m_context.db->sql());
    query.prepare(QStringLiteral("SELECT %1 FROM sync_state WHERE entity = ?").arg(QLatin1StringView(column)));
    query.addBindValue(m_summary.entity);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

QString EntityStep::storedDeltaLink() const
{
    return stateValue("delta_link");
}

QString EntityStep::storedHighWaterMark() const
{
    return stateValue("high_water_mark");
}

core::Status EntityStep::commitWithState(const QString &deltaLink, const QString &highWaterMark)
{
    if (auto s = saveState(deltaLink, highWaterMark); !s)
        return s;
    core::Status committed = m_context.db->commit();
    committedOrNot(committed);
    return committed;
}

void EntityStep::committedOrNot(const core::Status &committed)
{
    m_inTransaction = false;
    if (!committed && m_context.db->inTransaction())
        m_context.db->rollback();  // a COMMIT that failed (disk full) may leave it open
    if (m_context.storeFreed)
        m_context.storeFreed();
}

void EntityStep::commitThen(const QString &deltaLink, const QString &highWaterMark, std::function<void()> then)
{
    if (!m_context.runAside) {
        if (auto s = commitWithState(deltaLink, highWaterMark); !s)
            return fail(s.error());
        return then();
    }
    if (auto s = saveState(deltaLink, highWaterMark); !s)
        return fail(s.error());
    runAside([db = m_context.db] { return db->commit(); },
        [this](const core::Status &committed) { committedOrNot(committed); }, std::move(then));
}

void EntityStep::runAside(
    std::function<core::Status()> work, std::function<void(const core::Status &)> back, std::function<void()> then)
{
    m_aside = true;
    m_context.runAside(
        std::move(work), this, [this, back = std::move(back), then = std::move(then)](const core::Status &outcome) {
            m_aside = false;
            if (back)
                back(outcome);
            if (m_ended)
                return;
            if (!outcome)
                return fail(outcome.error());
            if (m_afterAside)
                return std::exchange(m_afterAside, nullptr)();  // a failure that came meanwhile
            then();
        });
}

bool EntityStep::deferredWhileAside(const std::function<void()> &again)
{
    if (!m_aside)
        return false;
    // The step ends once its statement is back: a report must not come before its data, and the
    // connection is not this thread's meanwhile.
    if (!m_afterAside)
        m_afterAside = again;
    return true;
}

core::Status EntityStep::saveState(const QString &deltaLink, const QString &highWaterMark) const
{
    const QString now = isoUtc(m_context.clock->nowUtc());
    QSqlQuery query(m_context.db->sql());
    query.prepare(QStringLiteral(
        "INSERT INTO sync_state (entity, delta_link, high_water_mark, last_success, last_attempt, last_error_code, "
        "last_error, item_count, available) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, 1) "
        "ON CONFLICT (entity) DO UPDATE SET delta_link = excluded.delta_link, "
        "high_water_mark = coalesce(excluded.high_water_mark, sync_state.high_water_mark), "
        "last_success = excluded.last_success, last_attempt = excluded.last_attempt, last_error_code = NULL, "
        "last_error = NULL, item_count = excluded.item_count, available = 1"));
    query.addBindValue(m_summary.entity);
    query.addBindValue(deltaLink.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(deltaLink));
    query.addBindValue(highWaterMark.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(highWaterMark));
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(m_summary.items);
    if (!query.exec())
        return storeWriteError(m_summary.entity, QStringLiteral("sync_state"));
    return {};
}

void EntityStep::fail(const core::Error &error)
{
    if (m_ended)
        return;
    if (deferredWhileAside([this, error] { fail(error); }))
        return;
    abandon();
    m_summary.message = error.userMessage;
    m_summary.errorCode = error.code;
    m_summary.exitCode = error.exitCode;
    const bool wasCancelled = m_cancelled || error.code == QStringLiteral("graph.cancelled");
    if (!wasCancelled) {
        qCWarning(lcSync).noquote() << m_summary.entity << "failed:" << error.code << error.detail;
        // The failure is remembered on its own; the entity's data and checkpoint stay as they were.
        saveOutcome(m_context,
            QStringLiteral(
                "INSERT INTO sync_state (entity, last_attempt, last_error_code, last_error) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (entity) DO UPDATE SET last_attempt = excluded.last_attempt, "
                "last_error_code = excluded.last_error_code, last_error = excluded.last_error"),
            {m_summary.entity, isoUtc(m_context.clock->nowUtc()), error.code, error.userMessage});
    }
    end(wasCancelled ? EntitySummary::Outcome::Cancelled : EntitySummary::Outcome::Failed);
}

void EntityStep::unavailable(const core::Error &why)
{
    if (m_ended)
        return;
    if (deferredWhileAside([this, why] { unavailable(why); }))
        return;
    abandon();
    m_summary.message = why.userMessage;
    m_summary.errorCode = why.code;
    saveOutcome(m_context,
        QStringLiteral("INSERT INTO sync_state (entity, last_attempt, last_error_code, last_error, available) VALUES "
                       "(?, ?, ?, ?, 0) "
                       "ON CONFLICT (entity) DO UPDATE SET last_attempt = excluded.last_attempt, "
                       "last_error_code = excluded.last_error_code, last_error = excluded.last_error, available = 0"),
        {m_summary.entity, isoUtc(m_context.clock->nowUtc()), why.code, why.userMessage});
    qCInfo(lcSync).noquote() << m_summary.entity << "unavailable:" << why.code;
    end(EntitySummary::Outcome::Unavailable);
}

void EntityStep::abandon()
{
    if (m_inTransaction) {
        m_context.db->rollback();
        m_inTransaction = false;
        if (m_context.storeFreed)
            m_context.storeFreed();
    }
}

void EntityStep::succeed()
{
    end(EntitySummary::Outcome::Ok);
}

void EntityStep::end(EntitySummary::Outcome outcome)
{
    if (m_ended)
        return;
    m_ended = true;
    cancelQueries();  // the rest of a step that failed in one of several queries
    m_summary.outcome = outcome;
    m_summary.seconds = double(m_timer.elapsed()) / 1000.0;
    m_summary.requests = ownRequests(m_context.client->stats()) - m_requestsAtStart;
    Q_EMIT finished(m_summary);
}

void EntityStep::writeInTurns(std::vector<WritePart> parts, std::function<void()> done)
{
    auto turns = std::make_shared<WriteTurns>();
    turns->parts = std::move(parts);
    turns->done = std::move(done);
    writeTurn(turns);
}

void EntityStep::writeTurn(const std::shared_ptr<WriteTurns> &turns)
{
    if (m_ended)
        return;
    if (m_cancelled)
        return fail(graph::GraphError::cancelled());
    QElapsedTimer turn;
    turn.start();
    while (turns->part < turns->parts.size()) {
        const WritePart &part = turns->parts[turns->part];
        while (turns->index < part.count) {
            if (part.aside && m_context.runAside) {
                const std::size_t i = turns->index++;
                if (turns->index == part.count) {
                    ++turns->part;
                    turns->index = 0;
                }
                runAside([write = part.write, i] { return write(i); }, nullptr, [this, turns] { writeTurn(turns); });
                return;
            }
            if (auto s = part.write(turns->index++); !s)
                return fail(s.error());
            if (turn.elapsed() >= kTurnMs && turns->index < part.count) {
                QMetaObject::invokeMethod(
                    this, [this, turns] { writeTurn(turns); }, Qt::QueuedConnection);
                return;
            }
        }
        ++turns->part;
        turns->index = 0;
        if (turn.elapsed() >= kTurnMs && turns->part < turns->parts.size()) {
            QMetaObject::invokeMethod(
                this, [this, turns] { writeTurn(turns); }, Qt::QueuedConnection);
            return;
        }
    }
    turns->done();
}

EntityStep::WritePart EntityStep::indexBuilds(const QStringList &definitions) const
{
    return {std::size_t(definitions.size()),
        [writer = m_context.writer, definitions](std::size_t i) { return writer->exec(definitions.at(qsizetype(i))); },
        true};
}

void EntityStep::holdQueries(bool held)
{
    for (const QPointer<graph::PagedQuery> &query : std::as_const(m_queries)) {
        if (query.isNull())
            continue;
        if (held)
            query->hold();
        else
            query->release();
    }
}

void EntityStep::reportProgress(const QString &detail, qint64 expectedItems)
{
    if (!m_context.progress)
        return;
    SyncProgress p;
    p.entity = m_summary.entity;
    p.items = m_summary.items;
    p.pages = m_pages;
    p.detail = detail;
    const double seconds = double(m_timer.elapsed()) / 1000.0;
    p.itemsPerSecond = seconds > 0 ? double(m_summary.items) / seconds : 0;
    if (expectedItems > m_summary.items && p.itemsPerSecond > 0)
        p.etaSeconds = qint64(double(expectedItems - m_summary.items) / p.itemsPerSecond);
    m_context.progress(p);
}

void EntityStep::walk(const graph::Endpoint &endpoint, std::function<core::Status(const QJsonArray &)> onPage,
    std::function<void(const QUrl &deltaLink)> onDone)
{
    walkFrom(endpoint.url(m_context.client->apiBase()), endpoint, std::move(onPage), std::move(onDone),
        [this](const core::Error &error) { fail(error); });
}

void EntityStep::walkFrom(const QUrl &first, const graph::Endpoint &like,
    std::function<core::Status(const QJsonArray &)> onPage, std::function<void(const QUrl &deltaLink)> onDone,
    std::function<void(const core::Error &)> onError,
    std::function<core::Result<graph::PageEnvelope>(QByteArrayView body)> reader)
{
    graph::GraphRequest request = graph::GraphRequest::get(like, m_context.client->apiBase());
    request.url = first;
    request.counter = m_summary.entity;
    request.background = m_beside;
    request.lowPriority = m_lowPriority;
    auto *query = new graph::PagedQuery(*m_context.client, request, this);
    query->setBodyReader(std::move(reader));
    m_queries.removeAll(nullptr);
    m_queries.append(query);
    auto pageError = std::make_shared<std::optional<core::Error>>();
    query->start(
        [this, onPage = std::move(onPage), pageError, query](const graph::Page &page) {
            if (*pageError)
                return;
            ++m_pages;
            if (auto s = onPage(page.items); !s) {
                *pageError = s.error();
                query->cancel();
                return;
            }
            reportProgress({}, page.count.value_or(-1));
        },
        [this, onDone = std::move(onDone), onError = std::move(onError), pageError](
            const core::Result<graph::PagingEnd> &end) {
            if (*pageError)
                return onError(**pageError);
            if (!end.ok())
                return onError(end.error());
            if (m_cancelled)
                return onError(graph::GraphError::cancelled());
            onDone(end->deltaLink);
        });
}

}  // namespace stocktake::sync
