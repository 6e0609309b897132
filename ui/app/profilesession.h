// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "models/sqltablemodel.h"
#include "secrets/secretbytes.h"
#include "store/profilestore.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>

#include <memory>

namespace stocktake::secrets {
class KeyStore;
}
namespace stocktake::store {
class Database;
class ProfileKeys;
}  // namespace stocktake::store

namespace stocktake::ui {

/// One open tenant profile in the desktop app: its database key (in a wiping buffer, read from the
/// keychain asynchronously), the read connection of the UI thread for small queries, and a
/// factory for the connections of the models' worker threads. Locking wipes the key and closes
/// every connection; unlocking reads the key again.
class ProfileSession : public QObject {
    Q_OBJECT

public:
    ProfileSession(
        store::ProfileStore profiles, store::Profile profile, secrets::KeyStore &keys, QObject *parent = nullptr);
    ~ProfileSession() override;

    [[nodiscard]] const store::Profile &profile() const { return m_profile; }
    /// The key store of the profile's keys and tokens (it lives on the UI thread).
    [[nodiscard]] secrets::KeyStore &keys() const { return m_keys; }
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] bool isOpen() const { return m_key != nullptr; }
    /// The key, shared with worker threads while the session is open; null when locked.
    [[nodiscard]] std::shared_ptr<const secrets::SecretBytes> key() const { return m_key; }
    /// A factory that opens this profile's database on the calling thread.
    [[nodiscard]] models::ConnectionFactory connectionFactory() const;
    /// A factory that opens the database of whichever profile is open when it is called (any
    /// thread), and fails while the session is locked: for pages that outlive a lock or a
    /// profile switch.
    [[nodiscard]] models::ConnectionFactory currentConnectionFactory() const;
    /// The end of the last successful users sync (the data's "as of"), invalid before the first.
    [[nodiscard]] QDateTime dataTime() const { return m_dataTime; }

    /// Reads the key from the keychain and opens the database, migrating it first on a worker
    /// thread; opened() or failed().
    void open();
    /// Wipes the key and closes the connections; locked() follows.
    void lock();
    /// Closes this profile (as lock() does) and opens `profile` instead: profileChanged(), then
    /// opened() or failed(). The profile list and the key store stay the same.
    void switchTo(const store::Profile &profile);
    /// The profile list of the Stocktake home this session belongs to.
    [[nodiscard]] const store::ProfileStore &profiles() const { return m_profiles; }
    /// Re-reads the data time after a sync.
    void refreshDataTime();
    /// Records a successful users sync in the profile list (`profile list`'s last sync).
    [[nodiscard]] core::Status markSynced(const QDateTime &utc);

Q_SIGNALS:
    void opened();
    void failed(const stocktake::core::Error &error);
    void locked();
    void dataTimeChanged(const QDateTime &utc);
    void profileChanged(const stocktake::store::Profile &profile);

private:
    /// Opens the database on this thread; `knownKey` is its key when already read and proven.
    void openHere(quint64 generation, std::shared_ptr<const secrets::SecretBytes> knownKey);
    /// The database is open (m_db) and `key` is its key: publish both and say so.
    void finishOpen(std::shared_ptr<const secrets::SecretBytes> key);

    store::ProfileStore m_profiles;
    store::Profile m_profile;
    secrets::KeyStore &m_keys;
    std::unique_ptr<store::ProfileKeys> m_profileKeys;
    std::shared_ptr<store::Database> m_db;
    std::shared_ptr<const secrets::SecretBytes> m_key;
    QDateTime m_dataTime;
    quint64 m_openGeneration = 0;  // an open() answered after lock() or switchTo() is dropped
    /// The open database's path and key, as the worker threads of currentConnectionFactory() see them.
    struct Current {
        QMutex mutex;
        QString path;
        std::shared_ptr<const secrets::SecretBytes> key;
    };
    std::shared_ptr<Current> m_current = std::make_shared<Current>();
    void publishCurrent();
};

}  // namespace stocktake::ui

Q_DECLARE_METATYPE(stocktake::core::Error)
