// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesession.h"

#include "secrets/keystore.h"
#include "store/database.h"
#include "store/profilekeys.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

namespace stocktake::ui {

ProfileSession::ProfileSession(
    store::ProfileStore profiles, store::Profile profile, secrets::KeyStore &keys, QObject *parent)
    : QObject(parent)
    , m_profiles(std::move(profiles))
    , m_profile(std::move(profile))
    , m_keys(keys)
    , m_profileKeys(std::make_unique<store::ProfileKeys>(keys))
{
    qRegisterMetaType<core::Error>();
}

ProfileSession::~ProfileSession() = default;

QString ProfileSession::databasePath() const
{
    return m_profiles.databasePath(m_profile);
}

models::ConnectionFactory ProfileSession::connectionFactory() const
{
    // The worker keeps its own reference to the key: locking drops the session's, and the models
    // close their connections, so the last copy goes with them.
    return [path = databasePath(), key = m_key]() -> core::Result<std::unique_ptr<store::Database>> {
        if (!key)
            return core::Error {
                QStringLiteral("ui.locked"), tr("Stocktake is locked."), QString(), core::ExitCode::Store};
        return store::Database::open(path, *key);
    };
}

models::ConnectionFactory ProfileSession::currentConnectionFactory() const
{
    return [current = m_current]() -> core::Result<std::unique_ptr<store::Database>> {
        QString path;
        std::shared_ptr<const secrets::SecretBytes> key;
        {
            const QMutexLocker locker(&current->mutex);
            path = current->path;
            key = current->key;
        }
        if (!key)
            return core::Error {
                QStringLiteral("ui.locked"), tr("Stocktake is locked."), QString(), core::ExitCode::Store};
        return store::Database::open(path, *key);
    };
}

void ProfileSession::publishCurrent()
{
    const QMutexLocker locker(&m_current->mutex);
    m_current->path = databasePath();
    m_current->key = m_key;
}

void ProfileSession::open()
{
    const quint64 generation = ++m_openGeneration;
    const QString path = databasePath();
    if (!QFileInfo::exists(path))
        return openHere(generation, nullptr);
    m_keys.read(store::ProfileKeys::databaseKeyEntry(m_profile.id),
        [this, generation, path](core::Result<secrets::SecretBytes> key) {
            if (generation != m_openGeneration)
                return;
            if (!key)
                return openHere(generation, nullptr);  // it reports the error, or finishes a rekey
            auto shared = std::make_shared<const secrets::SecretBytes>(std::move(key.value()));
            // Opening migrates, and a migration can take long on a large profile (schema 7 moves
            // every raw sign-in: about 19 s for 1.8 million), so it runs on a worker thread and
            // the window never waits. Whatever fails there is left to openHere(), which reports
            // it, or finishes an interrupted rekey first.
            auto *upgrade = new QFutureWatcher<bool>(this);
            connect(upgrade, &QFutureWatcherBase::finished, this, [this, upgrade, generation, shared] {
                upgrade->deleteLater();
                // The key read here is the database's only if it opened the file; otherwise
                // openHere() reads it again (after a finished rekey it is another one).
                if (generation == m_openGeneration)
                    openHere(generation, upgrade->result() ? shared : nullptr);
            });
            upgrade->setFuture(QtConcurrent::run([path, shared] { return store::Database::open(path, *shared).ok(); }));
        });
}

void ProfileSession::openHere(quint64 generation, std::shared_ptr<const secrets::SecretBytes> knownKey)
{
    // ProfileKeys::open finishes an interrupted rekey and applies migrations on the way (none
    // are left after the worker's open, unless it failed).
    m_profileKeys->open(m_profile.id, databasePath(), {},
        [this, generation, known = std::move(knownKey)](store::ProfileKeys::Opened db) {
            if (generation != m_openGeneration)
                return;
            if (!db) {
                Q_EMIT failed(db.error());
                return;
            }
            m_db = *db;
            if (known)
                return finishOpen(known);
            m_keys.read(store::ProfileKeys::databaseKeyEntry(m_profile.id),
                [this, generation](core::Result<secrets::SecretBytes> key) {
                    if (generation != m_openGeneration)
                        return;
                    if (!key) {
                        m_db.reset();
                        Q_EMIT failed(key.error());
                        return;
                    }
                    finishOpen(std::make_shared<const secrets::SecretBytes>(std::move(key.value())));
                });
        });
}

void ProfileSession::finishOpen(std::shared_ptr<const secrets::SecretBytes> key)
{
    m_key = std::move(key);
    publishCurrent();
    refreshDataTime();
    Q_EMIT opened();
}

core::Status ProfileSession::markSynced(const QDateTime &utc)
{
    m_profile.lastSync = utc;
    return m_profiles.update(m_profile);
}

void ProfileSession::lock()
{
    ++m_openGeneration;
    m_db.reset();
    m_key.reset();
    publishCurrent();
    Q_EMIT locked();
}

void ProfileSession::switchTo(const store::Profile &profile)
{
    lock();
    m_profile = profile;
    m_dataTime = {};
    Q_EMIT dataTimeChanged(m_dataTime);
    Q_EMIT profileChanged(m_profile);
    open();
}

void ProfileSession::refreshDataTime()
{
    if (!m_db)
        return;
    QSqlQuery query(m_db->sql());
    QDateTime when;
    if (query.exec(QStringLiteral("SELECT last_success FROM sync_state WHERE entity = 'users'")) && query.next())
        when = QDateTime::fromString(query.value(0).toString(), Qt::ISODate);
    if (when.isValid())
        when = when.toTimeZone(QTimeZone::utc());
    if (when != m_dataTime) {
        m_dataTime = when;
        Q_EMIT dataTimeChanged(m_dataTime);
    }
}

}  // namespace stocktake::ui
