// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/endpoint.h"
#include "graph/pageenvelope.h"
#include "sync/syncentities.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace stocktake::core {
class Clock;
}
namespace stocktake::graph {
class GraphClient;
struct GraphClientStats;
class PagedQuery;
}  // namespace stocktake::graph
namespace stocktake::store {
class Database;
}

namespace stocktake::sync {

class StoreWriter;

/// What every entity step works with, all living on the sync thread.
struct StepContext {
    graph::GraphClient *client = nullptr;
    store::Database *db = nullptr;
    StoreWriter *writer = nullptr;
    const core::Clock *clock = nullptr;
    SyncRequest request;
    std::function<void(const SyncProgress &)> progress;
    /// For a step that runs beside the others (the activity pass): runs `write` once the shared
    /// connection holds no other step's transaction and the users are stored.
    std::function<void(std::function<void()> write)> whenStoreFree;
    /// whenStoreFree(), ahead of the writes waiting: the sign-ins, when their pages read ahead
    /// fill up (SignInsStep::holdStore).
    std::function<void(std::function<void()> write)> whenStoreFreeFirst;
    /// Called after a step commits or rolls back: the connection may be free for such a write.
    std::function<void()> storeFreed;
    /// Runs the writes waiting for the store now, if the connection is free and the users are
    /// stored: a step of many transactions (the sign-in days) calls it between two of them.
    std::function<void()> runWaitingWrites;
    /// Runs `work`, one long statement on the sync's connection (an index build), on a thread
    /// of its own, then `then` with its outcome back on the sync thread, unless `receiver` is
    /// gone by then. Meanwhile the sync thread reads answers and sends the next requests, and
    /// touches the connection no more (EntityStep::WritePart::aside). Unset: run in place.
    std::function<void(
        std::function<core::Status()> work, QObject *receiver, std::function<void(const core::Status &)> then)>
        runAside;
    /// Whether a step's transaction holds the connection, or a statement runs aside. Only this
    /// is asked while one may run aside (it does not touch the connection then). Unset: asks
    /// the connection.
    std::function<bool()> storeHeld;
};

/// One entity of a sync. A step writes its entity in one transaction (or, for sign-ins, one per
/// day) together with its checkpoint, so a failed, cancelled or killed sync leaves the last good
/// snapshot and the checkpoint that matches it.
class EntityStep : public QObject {
    Q_OBJECT

public:
    EntityStep(QString entity, StepContext &context, QObject *parent = nullptr);

    [[nodiscard]] QString entity() const { return m_summary.entity; }
    /// Runs the step; finished() follows exactly once.
    virtual void start() = 0;
    /// Stops the step as soon as it can (within a second); finished() reports Cancelled.
    virtual void cancel();
    /// A step beside the sequence (SyncWorker): its requests wait behind the sequence's for a
    /// slot (GraphRequest::background), and its writes wait for a free connection
    /// (StepContext::whenStoreFree). Set before start().
    void setBeside(bool beside) { m_beside = beside; }

    /// How long one turn of a long write runs before the event loop gets a turn (writeInTurns):
    /// six sign-in pages take the sim about 85 ms, so a turn this long keeps Graph busy.
    static constexpr qint64 kTurnMs = 30;

Q_SIGNALS:
    void finished(const stocktake::sync::EntitySummary &summary);
    /// The step has every page it needs from Graph; what is left is writing (UsersStep).
    void fetched();

protected:
    /// Opens the entity's write transaction.
    [[nodiscard]] core::Status begin();
    /// Saves the checkpoint with the data and commits.
    [[nodiscard]] core::Status commitWithState(const QString &deltaLink = {}, const QString &highWaterMark = {});
    /// commitWithState(), its COMMIT aside (StepContext::runAside: at 100,000 people it takes
    /// up to half a second, and the sync thread reads answers meanwhile), then `then`; a
    /// failure fails the step. Until then the step holds the store no more (holdsStore()).
    void commitThen(const QString &deltaLink, const QString &highWaterMark, std::function<void()> then);
    /// Rolls back and ends the step with `error` (saving it in sync_state in its own transaction).
    void fail(const core::Error &error);
    /// Ends the step as Unavailable: the tenant does not give this entity (licence, consent).
    void unavailable(const core::Error &why);
    void succeed();
    /// Rolls back the open transaction, if any, without ending the step (to start over).
    void abandon();
    void reportProgress(const QString &detail = {}, qint64 expectedItems = -1);
    /// Runs a paged query; every page goes to `onPage`, which returns a failure to stop.
    void walk(const graph::Endpoint &endpoint, std::function<core::Status(const QJsonArray &)> onPage,
        std::function<void(const QUrl &deltaLink)> onDone);
    /// With a `reader` (PagedQuery::setBodyReader), each page is parsed by it, and onPage gets an
    /// empty array: the page's records are the reader's until the next page.
    void walkFrom(const QUrl &first, const graph::Endpoint &like,
        std::function<core::Status(const QJsonArray &)> onPage, std::function<void(const QUrl &deltaLink)> onDone,
        std::function<void(const core::Error &)> onError,
        std::function<core::Result<graph::PageEnvelope>(QByteArrayView body)> reader = nullptr);
    /// A part of a long write: `write(i)` for each i below `count` (a statement each, or a row).
    struct WritePart {
        std::size_t count = 1;
        std::function<core::Status(std::size_t i)> write;
        /// Each write(i) is one long statement (an index build): it runs aside
        /// (StepContext::runAside), and the sync thread goes on reading meanwhile.
        bool aside = false;
    };
    /// Runs `parts` in this step's open transaction, in turns of about kTurnMs with a turn of
    /// the event loop between two, then `done`. Between two turns the answers that came are
    /// read and their next requests sent (the sign-ins read ahead meanwhile), so a long write
    /// does not leave Graph idle. A failed part, or a cancel, fails the step (rolled back).
    void writeInTurns(std::vector<WritePart> parts, std::function<void()> done);
    /// The CREATE statements `definitions` (StoreWriter::dropIndexes, dropTriggers), each aside.
    [[nodiscard]] WritePart indexBuilds(const QStringList &definitions) const;
    /// Whether this step's own transaction is open and it may write (not while one of its
    /// statements runs aside).
    [[nodiscard]] bool holdsStore() const { return m_inTransaction && !m_aside; }
    /// Holds (or releases) the next page of every query of this step (PagedQuery::hold).
    void holdQueries(bool held);
    [[nodiscard]] QString storedDeltaLink() const;
    [[nodiscard]] QString storedHighWaterMark() const;
    void countSkipped(qint64 n) { m_summary.skippedRecords += n; }
    void countItems(qint64 n) { m_summary.items += n; }
    [[nodiscard]] bool cancelled() const { return m_cancelled; }
    [[nodiscard]] bool hasEnded() const { return m_ended; }

    StepContext &m_context;
    EntitySummary m_summary;
    bool m_beside = false;
    /// Its requests go as x-ms-throttle-priority: Low, as those beside the sequence do
    /// (GraphRequest::lowPriority).
    bool m_lowPriority = false;

private:
    struct WriteTurns;
    void writeTurn(const std::shared_ptr<WriteTurns> &turns);
    /// Runs `work` aside (StepContext::runAside); back on this thread, `back` with its outcome,
    /// then, unless the step failed or ended meanwhile, `then`.
    void runAside(
        std::function<core::Status()> work, std::function<void(const core::Status &)> back, std::function<void()> then);
    /// While a statement of this step runs aside, keeps `again` (the first failure) for when it
    /// is back, and says true.
    [[nodiscard]] bool deferredWhileAside(const std::function<void()> &again);
    /// After a COMMIT, done or failed: the transaction is over, the store free for the others.
    void committedOrNot(const core::Status &committed);
    void end(EntitySummary::Outcome outcome);
    void cancelQueries();
    /// The entity's sync_state row, in the open transaction.
    [[nodiscard]] core::Status saveState(const QString &deltaLink, const QString &highWaterMark) const;
    [[nodiscard]] QString stateValue(const char *column) const;
    /// This step's share of the client's requests so far.
    [[nodiscard]] qint64 ownRequests(const graph::GraphClientStats &stats) const;

    QElapsedTimer m_timer;
    qint64 m_requestsAtStart = 0;
    /// The paged queries this step started (several at once for the sign-ins); cancelled with
    /// the step and when it ends.
    QList<QPointer<graph::PagedQuery>> m_queries;
    bool m_inTransaction = false;
    bool m_aside = false;                ///< one of its statements runs aside (its COMMIT, an index build)
    std::function<void()> m_afterAside;  ///< a failure that came meanwhile: it ends the step after
    bool m_cancelled = false;
    bool m_ended = false;
    int m_pages = 0;
};

}  // namespace stocktake::sync
