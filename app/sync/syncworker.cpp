// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncworker.h"

#include "core/clock.h"
#include "graph/tokensource.h"
#include "store/database.h"
#include "sync/activitysteps.h"
#include "sync/directorysteps.h"
#include "sync/storewriter.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace stocktake::sync {

core::Result<QStringList> selectEntities(const QStringList &only)
{
    if (only.isEmpty())
        return allEntities();
    for (const QString &name : only) {
        if (name == QStringLiteral("mail")) {
            return core::Error {QStringLiteral("sync.mail_unavailable"),
                QCoreApplication::translate("stocktake::sync::SyncEngine",
                    "Billing mail discovery is not part of this version yet; "
                    "leave `mail` out of --only."),
                QString(), core::ExitCode::Usage};
        }
        if (!allEntities().contains(name)) {
            return core::Error {QStringLiteral("sync.unknown_entity"),
                QCoreApplication::translate("stocktake::sync::SyncEngine", "Unknown entity %1. Choose from %2.")
                    .arg(name, allEntities().join(QStringLiteral(","))),
                QString(), core::ExitCode::Usage};
        }
    }
    QStringList ordered;
    for (const QString &name : allEntities()) {
        if (only.contains(name))
            ordered.append(name);
    }
    return ordered;
}

QString outcomeName(EntitySummary::Outcome outcome)
{
    switch (outcome) {
    case EntitySummary::Outcome::Ok:
        return QStringLiteral("ok");
    case EntitySummary::Outcome::Failed:
        return QStringLiteral("failed");
    case EntitySummary::Outcome::Unavailable:
        return QStringLiteral("unavailable");
    case EntitySummary::Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case EntitySummary::Outcome::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("unknown");
}

SyncWorker::SyncWorker(SyncSetup setup)
    : m_setup(std::move(setup))
{ }

SyncWorker::~SyncWorker()
{
    // A statement running aside finishes first: it works on a step and the connection.
    m_asideThread.quit();
    m_asideThread.wait();
    m_aside.reset();
    // Steps and the client hold references into the context: end them first.
    delete m_current.data();
    for (const QPointer<EntityStep> &side : std::as_const(m_sides))
        delete side.data();
    m_client.reset();
    m_writer.reset();
    m_db.reset();
}

core::Status SyncWorker::prepare()
{
    if (!m_db) {
        store::Database::Options options;
        options.serialized = true;  // its long statements run aside (StepContext::runAside)
        auto db = store::Database::open(m_setup.databasePath, *m_setup.databaseKey, options);
        if (!db)
            return db.error();
        m_db = std::move(db.value());
        // 64 MiB of page cache: the users of a 100,000-person tenant go into the table and its
        // sort indexes (schema 6) in key order, not index order, and with the default 32 MiB every
        // index insert that missed the cache also cost a page decrypt and a re-encrypt.
        (void)m_db->exec(QStringLiteral("PRAGMA cache_size = -65536"));
        // Checkpoint every 8,192 pages (32 MiB of WAL) rather than SQLite's 1,000: a sign-in day
        // dirties thousands of pages, and each checkpoint copies and syncs them into the file.
        (void)m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = 8192"));
    }
    if (!m_tokens)
        m_tokens = m_setup.makeTokenSource();
    if (!m_client)
        m_client = std::make_unique<graph::GraphClient>(m_setup.graph, *m_tokens);
    if (!m_writer)
        m_writer = std::make_unique<StoreWriter>(*m_db);
    m_context.client = m_client.get();
    m_context.db = m_db.get();
    m_context.writer = m_writer.get();
    m_context.clock = m_setup.clock;
    m_context.progress = [this](const SyncProgress &p) {
        Q_EMIT progress(p);
    };
    m_context.whenStoreFree = [this](std::function<void()> write) {
        m_storeWrites.append(std::move(write));
        QMetaObject::invokeMethod(this, &SyncWorker::runStoreWrites, Qt::QueuedConnection);
    };
    m_context.whenStoreFreeFirst = [this](std::function<void()> write) {
        m_storeWrites.prepend(std::move(write));
        QMetaObject::invokeMethod(this, &SyncWorker::runStoreWrites, Qt::QueuedConnection);
    };
    m_context.runWaitingWrites = [this] {
        runStoreWrites();
    };
    if (!m_aside) {
        // Made here, on the sync thread, so that it can be moved: an object moves only from the
        // thread it lives on.
        m_aside = std::make_unique<QObject>();
        m_asideThread.setObjectName(QStringLiteral("stocktake-sync-aside"));
        m_aside->moveToThread(&m_asideThread);
        m_asideThread.start();
    }
    m_context.runAside = [this](std::function<core::Status()> work, QObject *receiver,
                             std::function<void(const core::Status &)> then) {
        m_asideBusy = true;
        QMetaObject::invokeMethod(
            m_aside.get(),
            [this, work = std::move(work), receiver = QPointer<QObject>(receiver), then = std::move(then)] {
                Q_ASSERT(QThread::currentThread() == &m_asideThread);
                const core::Status outcome = work();
#ifdef __GLIBC__
                // An index build's sorter takes tens of MB from this thread's own malloc arena,
                // which the sync thread never reuses: give it back to the system at once.
                malloc_trim(0);
#endif
                // Back on the sync thread: the receiver is looked at only there.
                QMetaObject::invokeMethod(
                    this,
                    [this, receiver, then, outcome] {
                        m_asideBusy = false;
                        if (!receiver.isNull())
                            then(outcome);
                        // Each asks again whether a statement runs aside (then() may start one).
                        for (const auto &next : std::exchange(m_afterAside, {}))
                            next();
                        if (!m_storeWrites.isEmpty())
                            runStoreWrites();
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    };
    m_context.storeHeld = [this] {
        return m_asideBusy || m_db->inTransaction();
    };
    m_context.storeFreed = [this] {
        if (!m_storeWrites.isEmpty())
            QMetaObject::invokeMethod(this, &SyncWorker::runStoreWrites, Qt::QueuedConnection);
    };
    return {};
}

void SyncWorker::run(const SyncRequest &request)
{
    m_report = SyncReport {};
    m_cancelled = false;
    m_timer.start();
    const auto entities = selectEntities(request.entities);
    if (!entities) {
        m_report.firstError = entities.error();
        Q_EMIT finished(m_report);
        return;
    }
    if (auto s = prepare(); !s) {
        m_report.firstError = s.error();
        Q_EMIT finished(m_report);
        return;
    }
    m_context.request = request;
    m_writer->setFetchedAt(m_setup.clock->nowUtc());
    m_queue = *entities;
    m_mainDone = false;
    m_usersRunning = false;
    m_stoppedBySignIn = false;
    m_storeWrites.clear();
    // signInActivity is the users' own paced pass (10 requests a minute): it starts with the
    // directory, so a first sync takes as long as the longer of the two, not their sum. The
    // usage report is one download that Graph prepares slowly for a large tenant: it too starts
    // at once, and is written when the users are.
    m_sides.clear();
    if (request.activityPass && m_queue.contains(QStringLiteral("users")))
        m_sides.append(makeStep(QStringLiteral("activity")));
    if (m_queue.removeAll(QStringLiteral("usage")) > 0)
        m_sides.append(makeStep(QStringLiteral("usage")));
    // Apps, grants and groups refer to nothing else in the store and nothing else refers to them
    // (no foreign key; the reports join them when they read): fetched beside the directory, they
    // are swapped in once the connection is free. Organization and licenses stay first in the
    // sequence: the users' domains and licences refer to them.
    for (const QString &entity : {QStringLiteral("apps"), QStringLiteral("grants"), QStringLiteral("groups")}) {
        if (m_queue.removeAll(entity) > 0)
            m_sides.append(makeStep(entity));
    }
    m_signInsWaiting = m_queue.removeAll(QStringLiteral("signins")) > 0;
    recordRun(true);
    for (const QPointer<EntityStep> &side : std::as_const(m_sides)) {
        EntityStep *step = side.data();
        step->setBeside(true);
        connect(step, &EntityStep::finished, this, [this, step](const EntitySummary &summary) {
            step->deleteLater();
            sideFinished(step, summary);
        });
    }
    for (const QPointer<EntityStep> &side : QList<QPointer<EntityStep>>(m_sides)) {
        if (EntityStep *step = side.data(); step != nullptr)
            step->start();
    }
    runNext();
}

void SyncWorker::cancel()
{
    m_cancelled = true;
    m_queue.clear();
    m_signInsWaiting = false;
    if (EntityStep *step = m_current.data(); step != nullptr)
        step->cancel();
    for (const QPointer<EntityStep> &side : QList<QPointer<EntityStep>>(m_sides)) {
        if (EntityStep *step = side.data(); step != nullptr)
            step->cancel();
    }
}

EntityStep *SyncWorker::makeStep(const QString &entity)
{
    if (entity == QStringLiteral("organization"))
        return SnapshotStep::organization(m_context, this);
    if (entity == QStringLiteral("licenses"))
        return SnapshotStep::licenses(m_context, this);
    if (entity == QStringLiteral("apps"))
        return SnapshotStep::apps(m_context, this);
    if (entity == QStringLiteral("grants"))
        return SnapshotStep::grants(m_context, this);
    if (entity == QStringLiteral("users"))
        return new UsersStep(m_context, this);
    if (entity == QStringLiteral("activity"))
        return new ActivityStep(m_context, this);
    if (entity == QStringLiteral("groups"))
        return new GroupsStep(m_context, this);
    if (entity == QStringLiteral("usage"))
        return new UsageStep(m_context, this);
    if (entity == QStringLiteral("signins"))
        return new SignInsStep(m_context, this);
    return nullptr;
}

void SyncWorker::startSignIns()
{
    if (!m_signInsWaiting || m_cancelled)
        return;
    if (m_asideBusy) {
        // Their plan reads the store: once the statement aside is back.
        m_afterAside.append([this] { startSignIns(); });
        return;
    }
    m_signInsWaiting = false;
    // Beside the others for their writes (whenStoreFree), but not background requests: the
    // users have every page by now, and a backfill of six windows needs all six slots.
    EntityStep *step = makeStep(QStringLiteral("signins"));
    m_sides.append(step);
    connect(step, &EntityStep::finished, this, [this, step](const EntitySummary &summary) {
        step->deleteLater();
        sideFinished(step, summary);
    });
    step->start();
}

void SyncWorker::runNext()
{
    m_current = nullptr;
    runStoreWrites();
    if (!usersOutstanding())
        startSignIns();
    if (m_queue.isEmpty() || m_cancelled) {
        m_mainDone = true;
        if (m_sides.isEmpty())
            finish();
        return;
    }
    EntityStep *step = makeStep(m_queue.takeFirst());
    m_current = step;
    m_usersRunning = step->entity() == QStringLiteral("users");
    if (m_usersRunning)
        connect(step, &EntityStep::fetched, this, &SyncWorker::startSignIns);
    connect(step, &EntityStep::finished, this, [this, step](const EntitySummary &summary) {
        step->deleteLater();
        stepFinished(summary);
    });
    step->start();
}

void SyncWorker::stepFinished(const EntitySummary &summary)
{
    m_usersRunning = false;
    record(summary);
    QMetaObject::invokeMethod(this, &SyncWorker::runNext, Qt::QueuedConnection);
}

void SyncWorker::sideFinished(EntityStep *step, const EntitySummary &summary)
{
    m_sides.removeIf([step](const QPointer<EntityStep> &side) { return side.isNull() || side.data() == step; });
    record(summary);
    if (m_mainDone && m_sides.isEmpty())
        QMetaObject::invokeMethod(this, &SyncWorker::finish, Qt::QueuedConnection);
}

bool SyncWorker::usersOutstanding() const
{
    return m_usersRunning || m_queue.contains(QStringLiteral("users"));
}

void SyncWorker::runStoreWrites()
{
    // One at a time, in the order they came: a write may keep its transaction open over several
    // turns of the event loop (EntityStep::writeInTurns), and the next waits for its commit.
    while (!m_storeWrites.isEmpty() && !m_context.storeHeld() && !usersOutstanding()) {
        const std::function<void()> write = m_storeWrites.takeFirst();
        write();
    }
}

void SyncWorker::record(const EntitySummary &summary)
{
    m_report.entities.append(summary);
    if (summary.outcome == EntitySummary::Outcome::Failed && !m_report.firstError)
        m_report.firstError = core::Error {summary.errorCode, summary.message, QString(), summary.exitCode};
    if (summary.outcome == EntitySummary::Outcome::Cancelled && !m_stoppedBySignIn)
        m_cancelled = true;
    Q_EMIT entityFinished(summary);
    // A sign-in that failed for good stops the whole sync: every later entity would fail alike.
    if (summary.exitCode == core::ExitCode::SignIn && summary.errorCode != QStringLiteral("graph.consent_missing")) {
        m_queue.clear();
        m_signInsWaiting = false;
        m_stoppedBySignIn = true;
        for (const QPointer<EntityStep> &side : QList<QPointer<EntityStep>>(m_sides)) {
            if (EntityStep *step = side.data(); step != nullptr)
                step->cancel();
        }
    }
}

void SyncWorker::finish()
{
    if (m_asideBusy) {
        // recordRun() writes: once the statement aside is back (a step ends only after its own).
        m_afterAside.append([this] { finish(); });
        return;
    }
    m_current = nullptr;
    m_report.cancelled = m_cancelled;
    m_report.seconds = double(m_timer.elapsed()) / 1000.0;
    recordRun(false);
    Q_EMIT finished(m_report);
}

void SyncWorker::recordRun(bool starting)
{
    QSqlQuery query(m_db->sql());
    if (starting) {
        query.prepare(QStringLiteral("INSERT INTO sync_runs (started, entities, full_sync) VALUES (?, ?, ?)"));
        query.addBindValue(isoUtc(m_setup.clock->nowUtc()));
        QStringList entities = m_queue;
        if (m_signInsWaiting)
            entities.append(QStringLiteral("signins"));
        for (const QPointer<EntityStep> &side : std::as_const(m_sides)) {
            if (const EntityStep *step = side.data(); step != nullptr)
                entities.append(step->entity());
        }
        query.addBindValue(entities.join(u','));
        query.addBindValue(m_context.request.full ? 1 : 0);
        if (query.exec())
            m_runId = query.lastInsertId().toLongLong();
        return;
    }
    qint64 items = 0;
    for (const auto &entity : std::as_const(m_report.entities))
        items += entity.items;
    const QString outcome = m_report.cancelled ? QStringLiteral("cancelled")
        : m_report.firstError                  ? QStringLiteral("failed")
                                               : QStringLiteral("ok");
    query.prepare(
        QStringLiteral("UPDATE sync_runs SET finished = ?, outcome = ?, error_code = ?, items = ? WHERE id = ?"));
    query.addBindValue(isoUtc(m_setup.clock->nowUtc()));
    query.addBindValue(outcome);
    query.addBindValue(
        m_report.firstError ? QVariant(m_report.firstError->code) : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(items);
    query.addBindValue(m_runId);
    (void)query.exec();
}

}  // namespace stocktake::sync
