// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/entitystep.h"
#include "sync/syncengine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>

namespace stocktake::store {
class Database;
}

namespace stocktake::sync {

/// The sync itself, living on the engine's thread: opens its own connection and Graph client,
/// then runs the entity steps one after another.
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
    void finish();
    [[nodiscard]] EntityStep *makeStep(const QString &entity);
    void recordRun(bool starting);

    SyncSetup m_setup;
    std::unique_ptr<graph::TokenSource> m_tokens;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<graph::GraphClient> m_client;
    std::unique_ptr<StoreWriter> m_writer;
    StepContext m_context;
    QStringList m_queue;
    QPointer<EntityStep> m_current;
    SyncReport m_report;
    QElapsedTimer m_timer;
    qint64 m_runId = 0;
    bool m_cancelled = false;
};

}  // namespace stocktake::sync
