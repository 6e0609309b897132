// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/entitystep.h"
#include "sync/syncengine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace stocktake::store {
class Database;
}

namespace stocktake::sync {

/// The sync itself, living on the engine's thread: opens its own connection and Graph client,
/// then runs the entity steps one after another, with six beside them: the paced activity pass,
/// the usage report's download, apps, grants, groups, and the sign-ins once the users have
/// every page. Those write through whenStoreFree, between the others' transactions, once the
/// users are stored.
class SyncWorker : public QObject {
    Q_OBJECT

public:
    explicit SyncWorker(SyncSetup setup);
    ~SyncWorker() override;

public Q_SLOTS:
    void run(const stocktake::sync::SyncRequest &request);
    void cancel();

Q_SIGNALS:
    void progress(const stocktake::sync::SyncProgress &progress);
    void entityFinished(const stocktake::sync::EntitySummary &summary);
    void finished(const stocktake::sync::SyncReport &report);

private:
    [[nodiscard]] core::Status prepare();
    void runNext();
    void stepFinished(const EntitySummary &summary);
    void sideFinished(EntityStep *step, const EntitySummary &summary);
    void record(const EntitySummary &summary);
    /// Runs the side steps' queued writes if the connection is free and the users are stored.
    void runStoreWrites();
    /// Starts the sign-ins beside the rest once the users have every page (or at once, without
    /// users in this sync): their pages are read ahead while the users' indexes are built and
    /// the steps beside write, so Graph is not idle then.
    void startSignIns();
    [[nodiscard]] bool usersOutstanding() const;
    void finish();
    [[nodiscard]] EntityStep *makeStep(const QString &entity);
    void recordRun(bool starting);

    SyncSetup m_setup;
    std::unique_ptr<graph::TokenSource> m_tokens;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<graph::GraphClient> m_client;
    std::unique_ptr<StoreWriter> m_writer;
    StepContext m_context;
    /// Runs the long statements aside (StepContext::runAside): one at a time, on this thread.
    QThread m_asideThread;
    std::unique_ptr<QObject> m_aside;           ///< made by prepare() on the sync thread, moved to m_asideThread
    QList<std::function<void()>> m_afterAside;  ///< what waits for the statement aside (startSignIns, finish)
    bool m_asideBusy = false;                   ///< a statement runs aside: the sync thread leaves the connection alone
    QStringList m_queue;
    QPointer<EntityStep> m_current;
    QList<QPointer<EntityStep>>
        m_sides;  ///< the steps beside m_current (activity, usage, apps, grants, groups, signins)
    QList<std::function<void()>> m_storeWrites;
    bool m_usersRunning = false;
    bool m_mainDone = false;
    bool m_signInsWaiting = false;   ///< asked for, not started yet (startSignIns)
    bool m_stoppedBySignIn = false;  ///< a step's sign-in failed for good: the rest was stopped, not cancelled
    SyncReport m_report;
    QElapsedTimer m_timer;
    qint64 m_runId = 0;
    bool m_cancelled = false;
};

}  // namespace stocktake::sync
