// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/records.h"
#include "sync/dayusagefold.h"
#include "sync/entitystep.h"
#include "sync/storewriter.h"

#include <QDate>
#include <QList>

#include <memory>
#include <vector>

namespace stocktake::graph {
class SignInPageReader;
}

namespace stocktake::sync {

/// Sign-in logs, one UTC day at a time, newest day first, each day in its own transaction with
/// its checkpoint (signin_days) and its fold into usage_daily. Graph's 5 requests per 10 s make
/// this the long part of a first sync; the client paces to that budget instead of meeting 429s.
class SignInsStep : public EntityStep {
    Q_OBJECT

public:
    SignInsStep(StepContext &context, QObject *parent = nullptr);
    ~SignInsStep() override;
    void start() override;

    /// Without pacing, a large day is fetched as up to this many time windows at once (no more
    /// than the client sends to a host at once): pages of one window are written while the next
    /// page of another is on its way, so neither Graph nor the store waits on the other. With
    /// pacing (Graph's budget) a day is one window. At 100,000 people, 30 days, 200 ms per
    /// answer, six windows took the sign-ins from 15 to 10 pages one after another a day. Two days
    /// at once (four windows each) were measured too: on loopback, more windows than the client's
    /// slots left the sim idle a third of the time (29 s → 41 s).
    static constexpr int kMaxWindowsPerDay = 6;
    /// ...but only with at least this many events expected per window (a page of 1,000): each
    /// window ends in a partly filled page, one more request. With 200 ms per Graph answer a
    /// 6,000-event day (10,000 people) split in four took 30 days in 14.8 s instead of 41.6 s
    /// as one window (229 requests instead of 193); on loopback without latency, 3.2 s instead
    /// of 3.0 s.
    static constexpr qint64 kMinEventsPerWindow = 1000;
    /// The fewest of the previous day's usage rows written after each page (writePending).
    static constexpr qsizetype kMinPendingSlice = 1000;
    /// Pages read ahead of the store (about 100 KB each, SignInsStep::ReadAhead): beyond this
    /// many, each page that comes has two written before the next answer is read.
    static constexpr std::size_t kMaxReadAhead = 12;
    /// ...and while another step holds the store (the users' index builds, the activity pass's
    /// updates), up to this many (about 38 MB, some 5 s of the sim's work on loopback: the
    /// writes of the steps beside the users take about that long at 100,000 people; 192 left
    /// the sim idle about a second longer): then the windows' next pages are held back, and the
    /// sign-ins have the store next (StepContext::whenStoreFreeFirst), before the writes waiting.
    static constexpr std::size_t kMaxReadAheadWaiting = 384;
    /// Raw sign-ins are kept this many UTC days, today included: what Entra itself keeps with
    /// P1, so every day the backfill can fetch can also be folded again. Older ones are deleted
    /// (secure_delete zeroes them) in the first day's transaction of each sync.
    static constexpr int kRawRetentionDays = 30;
    /// The daily per-person-per-app aggregates (usage_daily) and the day checkpoints are kept
    /// 12 months, well beyond Entra's own 30 days.
    static constexpr int kUsageRetentionDays = 365;

private:
    struct DayPlan {
        QDate day;
        QDateTime from;
        QDateTime to;
        qint64 eventsBefore = 0;
        /// From 00:00 UTC: its fold needs nothing stored before (DayUsageFold).
        [[nodiscard]] bool fromDayStart() const;
    };
    void planDays();
    /// Sends the first requests of day `index`; its pages are written in the day's transaction.
    void startDay(int index);
    void windowDone(int index);
    /// Commits day `index` (the next day's requests are already out) and lets the writes
    /// waiting for the store go first; the next day's transaction opens with its first write. A
    /// day fetched from its start leaves its usage rows and its checkpoint pending (unless it is
    /// the last): they are written between the next day's pages, in its transaction, so Graph is
    /// not left idle while a day's rows are written.
    void finishDay(int index);
    /// After day `index`'s commit (aside): progress, and the writes waiting for the store.
    void dayCommitted(int index);
    /// A window failed: the pages read before it are written first (SignInsStep::ReadAhead).
    void failAfterRead(const core::Error &error);
    /// Keeps a page read by the reader (copied out of it: it reads the next page at once) to be
    /// written on a later turn of the event loop.
    void keepRead(int day, qsizetype skipped);
    /// Writes the pages read one per turn of the event loop: an answer that came meanwhile sends
    /// its window's next request before the pages ahead of it are written, so Graph is not left
    /// idle while the store works.
    void queueWriteRead();
    /// Writes the oldest page read, or finishes the day whose last window ended, once this step
    /// holds the store. False when it could not: without the store, holdStore()'s acquire queues
    /// the writes again.
    bool writeOldestRead();
    /// Whether this step's transaction is open; if not, opens it as soon as no other step holds
    /// the connection (StepContext::whenStoreFree) and writes what was read then.
    [[nodiscard]] bool holdStore(bool first = false);
    /// Writes up to `rows` more of the pending day's usage rows (all of them when rows < 0) and,
    /// once the last is written, its checkpoint. The first day's high-water mark goes with the
    /// commit that follows (finishDay).
    [[nodiscard]] core::Status writePending(qsizetype rows);

    QList<DayPlan> m_plan;
    int m_done = 0;               ///< days committed
    int m_windowsLeft = 0;        ///< windows of the newest started day still paging
    qint64 m_dayEvents = 0;       ///< events of day m_done written so far
    qint64 m_expectedEvents = 0;  ///< a whole day's events, as last seen (sizes the windows)
    qint64 m_msPerDay = 0;
    QElapsedTimer m_dayTimer;
    DayUsageFold m_fold;  ///< day m_done (for a day resumed part-way, only its app names count)
    /// usage_keys keys of m_fold's people and apps, for every day of the sync.
    StoreWriter::UsageKeys m_personKeys;
    StoreWriter::UsageKeys m_appKeys;

    /// A day whose raw sign-ins are committed and whose fold waits to be written.
    struct PendingDay {
        int index = -1;  ///< into m_plan; -1: none
        qint64 events = 0;
        std::vector<StoreWriter::UsageRow> rows;  ///< from startDayUsage, in key order
        std::size_t written = 0;
        bool started = false;  ///< startDayUsage done in this transaction
    };
    PendingDay m_pending;
    DayUsageFold m_pendingFold = m_fold.sharingIds();
    QString m_highWaterMark;                            ///< the first planned day's, committed with its checkpoint
    std::unique_ptr<graph::SignInPageReader> m_reader;  ///< each page's records, until the next page
    struct ReadAhead;
    std::unique_ptr<ReadAhead> m_read;  ///< pages read and not yet written, in the order they came
    qint64 m_dayRead = 0;               ///< events of the newest started day read so far
    bool m_awaitingStore = false;       ///< holdStore() waits for the connection
    quint64 m_storeTicket = 0;          ///< the latest holdStore() ask; earlier ones are void
};

/// The Microsoft 365 active-user report (getOffice365ActiveUserDetail, 30 days): a 302 to a
/// CSV that is fetched without the bearer token, then swapped in whole. It runs beside the other
/// steps, as the activity pass does: one download, started with the sync, written through
/// StepContext::whenStoreFree once the users are stored.
class UsageStep : public EntityStep {
    Q_OBJECT

public:
    UsageStep(StepContext &context, QObject *parent = nullptr);
    void start() override;
    void cancel() override;

private:
    void write();

    quint64 m_request = 0;
    QList<graph::UsageRecord> m_records;  ///< parsed, waiting for the store
};

}  // namespace stocktake::sync
