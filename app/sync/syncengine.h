// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphclient.h"
#include "secrets/secretbytes.h"
#include "sync/syncentities.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace stocktake::core {
class Clock;
}
namespace stocktake::graph {
class TokenSource;
}

namespace stocktake::sync {

class SyncWorker;

/// What a sync needs, handed to its worker thread. The token source is made on that thread
/// (its network and keychain jobs live there), as are the Graph client and the database
/// connection: one connection per thread.
struct SyncSetup {
    QString databasePath;
    std::shared_ptr<const secrets::SecretBytes> databaseKey;
    graph::GraphClientOptions graph;
    std::function<std::unique_ptr<graph::TokenSource>()> makeTokenSource;
    const core::Clock *clock = nullptr;  ///< must be thread-safe and outlive the engine
};

/// Runs syncs on a worker thread of its own; everything it reports arrives as queued signals on
/// the thread that owns the engine, so a window never waits on the network or the database.
class SyncEngine : public QObject {
    Q_OBJECT

public:
    explicit SyncEngine(SyncSetup setup, QObject *parent = nullptr);
    ~SyncEngine() override;

    /// Starts a sync; a second start while one runs is ignored (isRunning()).
    void start(const SyncRequest &request);
    /// Asks the running sync to stop; finished() follows within about a second.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(const stocktake::sync::SyncProgress &progress);
    void entityFinished(const stocktake::sync::EntitySummary &summary);
    void finished(const stocktake::sync::SyncReport &report);

private:
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    bool m_running = false;
};

}  // namespace stocktake::sync
