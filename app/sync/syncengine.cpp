// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncengine.h"

#include "sync/syncworker.h"

namespace stocktake::sync {

SyncEngine::SyncEngine(SyncSetup setup, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncRequest>();
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<EntitySummary>();
    qRegisterMetaType<SyncReport>();
    m_thread.setObjectName(QStringLiteral("stocktake-sync"));
    m_worker = new SyncWorker(std::move(setup));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncEngine::progress);
    connect(m_worker, &SyncWorker::entityFinished, this, &SyncEngine::entityFinished);
    connect(m_worker, &SyncWorker::finished, this, [this](const SyncReport &report) {
        m_running = false;
        Q_EMIT finished(report);
    });
    m_thread.start();
}

SyncEngine::~SyncEngine()
{
    if (m_running)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::cancel, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::start(const SyncRequest &request)
{
    if (m_running)
        return;
    m_running = true;
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection, Q_ARG(stocktake::sync::SyncRequest, request));
}

void SyncEngine::cancel()
{
    if (m_running)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::cancel, Qt::QueuedConnection);
}

}  // namespace stocktake::sync
